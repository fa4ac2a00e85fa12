package io.sangdam.engine.routing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes a failing command log short: removes ever smaller chunks of commands for as long as the log
 * still fails (in the spirit of delta debugging). Removing commands makes some later ones invalid;
 * the engine refuses those, which is itself checked, so any shorter failing log is a real failure.
 */
final class Shrinker {
    private static final int MAXIMUM_ATTEMPTS = 4_000;

    private Shrinker() {}

    static List<RoutingCommand> shrink(List<RoutingCommand> failing, Falsifier falsifier) {
        List<RoutingCommand> log = new ArrayList<>(failing);
        int attempts = 0;
        int chunk = Math.max(1, log.size() / 2);
        while (chunk >= 1 && attempts < MAXIMUM_ATTEMPTS) {
            boolean removedAny = false;
            int start = 0;
            while (start < log.size() && attempts < MAXIMUM_ATTEMPTS) {
                List<RoutingCommand> candidate = new ArrayList<>(log.subList(0, start));
                candidate.addAll(log.subList(Math.min(log.size(), start + chunk), log.size()));
                attempts++;
                if (falsifier.failure(candidate) != null) {
                    log = candidate;
                    removedAny = true;
                } else {
                    start += chunk;
                }
            }
            if (!removedAny) {
                chunk /= 2;
            }
        }
        return log;
    }
}

/** A property: the failure it finds in a command log, or null when the log passes. */
@FunctionalInterface
interface Falsifier {
    @Nullable
    String failure(List<RoutingCommand> log);
}
