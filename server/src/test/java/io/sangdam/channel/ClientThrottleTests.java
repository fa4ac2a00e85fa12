package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.SettableClock;
import io.sangdam.platform.RequestRejected;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ClientThrottleTests {

    @Test
    void anAddressGetsItsBurstThenA429WithTheWaitUntilTheNextToken() {
        var clock = new SettableClock();
        var throttle = new ClientThrottle("chat", 3, 2, clock);
        for (int i = 0; i < 3; i++) {
            throttle.take("203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.take("203.0.113.7")).isInstanceOfSatisfying(RequestRejected.class, r -> {
            org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            org.assertj.core.api.Assertions.assertThat(r.code()).isEqualTo("too-many-requests");
            org.assertj.core.api.Assertions.assertThat(r.arguments()).containsExactly("chat", 30L);
            org.assertj.core.api.Assertions.assertThat(r.retryAfterSeconds()).isEqualTo(30L);
        });
    }

    @Test
    void tokensComeBackWithTimeButNeverBeyondTheBurst() {
        var clock = new SettableClock();
        var throttle = new ClientThrottle("message", 2, 1, clock);
        throttle.take("203.0.113.8");
        throttle.take("203.0.113.8");
        clock.advance(Duration.ofSeconds(60));
        assertThatCode(() -> throttle.take("203.0.113.8")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.take("203.0.113.8")).isInstanceOf(RequestRejected.class);

        clock.advance(Duration.ofHours(1));
        throttle.take("203.0.113.8");
        throttle.take("203.0.113.8");
        assertThatThrownBy(() -> throttle.take("203.0.113.8")).isInstanceOf(RequestRejected.class);
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        var throttle = new ClientThrottle("chat", 1, 1, new SettableClock());
        throttle.take("203.0.113.9");
        assertThatCode(() -> throttle.take("198.51.100.4")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.take("203.0.113.9")).isInstanceOf(RequestRejected.class);
    }
}
