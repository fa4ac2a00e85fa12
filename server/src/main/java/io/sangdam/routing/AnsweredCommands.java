package io.sangdam.routing;

import io.sangdam.routing.runtime.RoutingHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The answers a holder gave to forwarded commands lately, by the id the forwarding node gave each
 * (docs/adr/0009): a node whose call timed out or dropped sends the command again with the same id,
 * and gets the first answer instead of the command being applied twice. A repeat that arrives while
 * the first is still being applied waits for its answer.
 *
 * <p>Kept for {@link #KEPT_FOR} and at most {@link #KEPT} answers (in service), the oldest going first: a
 * forwarding node repeats a command once, seconds later, so a repeat after that is not expected.
 */
final class AnsweredCommands {

    static final Duration KEPT_FOR = Duration.ofMinutes(2);
    static final int KEPT = 10_000;

    private record Answered(CompletableFuture<String> answer, Instant at) {}

    private final Clock clock;
    private final Duration waitForFirst;
    private final int kept;
    private final Map<String, Answered> answers = new LinkedHashMap<>();

    /** Keeping at most {@code kept} answers; a repeat waits for the first answer at most {@code waitForFirst}. */
    AnsweredCommands(Clock clock, Duration waitForFirst, int kept) {
        this.clock = clock;
        this.waitForFirst = waitForFirst;
        this.kept = kept;
    }

    /** The answer given to this id already, or else the command's answer, now applied once. */
    String answer(long center, String id, Supplier<String> apply) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        Answered entry = new Answered(mine, clock.instant());
        Answered known;
        synchronized (answers) {
            forgetOld();
            known = answers.putIfAbsent(id, entry);
        }
        if (known != null) {
            return firstAnswer(center, known.answer());
        }
        try {
            String answer = apply.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException failed) {
            // Not an answer (refusals are answers): nothing was decided, so a repeat may try again.
            synchronized (answers) {
                answers.remove(id, entry);
            }
            mine.completeExceptionally(failed);
            throw failed;
        }
    }

    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }

    private String firstAnswer(long center, CompletableFuture<String> first) {
        return RoutingHost.awaitAnswer(first, waitForFirst, center);
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT_FOR);
        Iterator<Answered> oldestFirst = answers.values().iterator();
        while (oldestFirst.hasNext()) {
            Answered next = oldestFirst.next();
            if (answers.size() < kept && next.at().isAfter(before)) {
                break;
            }
            oldestFirst.remove();
        }
    }
}
