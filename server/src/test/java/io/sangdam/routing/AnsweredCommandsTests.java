package io.sangdam.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.SettableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A holder applies a forwarded command once however often it is sent with the same id. */
class AnsweredCommandsTests {

    private final SettableClock clock = new SettableClock();
    private final AnsweredCommands answered = new AnsweredCommands(clock, Duration.ofSeconds(30), 3);
    private final AtomicInteger applied = new AtomicInteger();

    private String apply() {
        return "answer " + applied.incrementAndGet();
    }

    @Test
    void aRepeatedIdGetsTheFirstAnswerAndTheCommandIsAppliedOnce() {
        assertThat(answered.answer(4, "id-1", this::apply)).isEqualTo("answer 1");
        assertThat(answered.answer(4, "id-1", this::apply)).isEqualTo("answer 1");
        assertThat(applied).hasValue(1);
        assertThat(answered.answer(4, "id-2", this::apply))
                .as("another id is another command")
                .isEqualTo("answer 2");
    }

    @Test
    void aRepeatThatArrivesWhileTheFirstIsBeingAppliedWaitsForItsAnswer() throws Exception {
        var applying = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> answered.answer(4, "id-1", () -> {
            applying.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return apply();
        }));
        applying.await();
        var repeat = CompletableFuture.supplyAsync(() -> answered.answer(4, "id-1", this::apply));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("answer 1");
        assertThat(repeat.get(10, TimeUnit.SECONDS)).isEqualTo("answer 1");
        assertThat(applied).hasValue(1);
    }

    @Test
    void anAnswerIsForgottenAfterItsTime() {
        answered.answer(4, "id-1", this::apply);
        clock.advance(AnsweredCommands.KEPT_FOR.plusSeconds(1));
        answered.answer(4, "id-2", this::apply);

        assertThat(answered.answer(4, "id-1", this::apply)).isEqualTo("answer 3");
    }

    @Test
    void theOldestAnswerGoesWhenTooManyAreKept() {
        for (int i = 1; i <= 4; i++) {
            answered.answer(4, "id-" + i, this::apply);
        }
        assertThat(answered.size()).isEqualTo(3);
        assertThat(answered.answer(4, "id-4", this::apply))
                .as("a recent one is kept")
                .isEqualTo("answer 4");
        assertThat(answered.answer(4, "id-1", this::apply))
                .as("the oldest is gone")
                .isEqualTo("answer 5");
    }

    @Test
    void aCommandThatFailedWithoutAnAnswerMayBeSentAgain() {
        assertThatThrownBy(() -> answered.answer(4, "id-1", () -> {
                    throw new IllegalStateException("database gone");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(answered.answer(4, "id-1", this::apply)).isEqualTo("answer 1");
    }
}
