package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final SettableClock clock = new SettableClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInPolicy(5, Duration.ofSeconds(30), 20, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void anAccountsWaitDoublesWithEachFailureUpToItsShortCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.1", "victim");
        }
        assertThat(throttle.waitBefore("198.51.100.9", "victim")).isEmpty();
        throttle.failed("203.0.113.1", "victim");
        assertThat(throttle.waitBefore("198.51.100.9", "VICTIM")).hasValue(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            throttle.failed("203.0.113." + (10 + i), "victim");
        }
        // However many addresses guess, the owner never waits more than the cap: no lock.
        assertThat(throttle.waitBefore("198.51.100.9", "victim")).hasValue(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("198.51.100.9", "victim")).isEmpty();
    }

    @Test
    void oneAddressGuessingAcrossAccountsWaitsLongerAndLonger() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("203.0.113.2", "user" + i);
        }
        assertThat(throttle.waitBefore("203.0.113.2", "someone.else")).hasValue(Duration.ofSeconds(1));
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(14));
            throttle.failed("203.0.113.2", "next" + i);
        }
        assertThat(throttle.waitBefore("203.0.113.2", "someone.else")).hasValue(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("198.51.100.3", "someone.else")).isEmpty();
    }

    @Test
    void theRightPasswordClearsTheAccountAndQuietTimeForgetsEverything() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("203.0.113.3", "forgetful");
        }
        throttle.succeeded("forgetful");
        assertThat(throttle.waitBefore("203.0.113.4", "forgetful")).isEmpty();
        for (int i = 0; i < 6; i++) {
            throttle.failed("203.0.113.3", "again");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.waitBefore("203.0.113.3", "again")).isEmpty();
    }

    @Test
    void unknownAndRealUsernamesAreCountedAlike() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("203.0.113.5", "no.such.user");
            throttle.failed("203.0.113.6", "admin");
        }
        assertThat(throttle.waitBefore("203.0.113.7", "no.such.user"))
                .isEqualTo(throttle.waitBefore("203.0.113.7", "admin"));
    }

    @Test
    void inventedUsernamesAndAddressesNeverGrowTheCountsBeyondTheirBound() {
        for (int i = 0; i < SignInThrottle.MAXIMUM_ENTRIES; i++) {
            throttle.failed("2001:db8::" + Integer.toHexString(i), "invented" + i);
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(SignInThrottle.MAXIMUM_ENTRIES + 1);
        throttle.failed("203.0.113.8", "victim");
        assertThat(throttle.tracked()).isLessThanOrEqualTo(SignInThrottle.MAXIMUM_ENTRIES + 1);
    }
}
