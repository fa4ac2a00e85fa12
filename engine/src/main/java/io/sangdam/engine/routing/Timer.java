package io.sangdam.engine.routing;

import org.jspecify.annotations.Nullable;

/**
 * Something due at a time. Timers are never removed when their reason goes away (that would need a
 * search); instead each remembers the generation of what it guards, and a fired timer whose
 * generation no longer matches does nothing. Hazard: every change that makes a timer obsolete must
 * bump the matching generation counter. Lanes of {@link Timers} keep the same fields in arrays;
 * only its fallback queue holds these objects.
 */
record Timer(
        long at,
        long sequence,
        Kind kind,
        @Nullable Contact contact,
        @Nullable Agent agent,
        int generation) {

    enum Kind {
        OFFER_EXPIRES,
        OVERFLOW_DUE,
        PREFERRED_WAIT_ENDS,
        KEEP_AWAY_ENDS,
        WRAP_UP_ENDS,
        RECOVERY_ENDS
    }

    static int compare(Timer a, Timer b) {
        int byTime = Long.compare(a.at, b.at);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    }
}
