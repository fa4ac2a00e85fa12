package io.sangdam.channel;

import io.sangdam.testing.TestCenter;
import org.springframework.context.ApplicationContext;

/** Lets browser journeys set up a center with the always-closed queue of {@link ClosedHoursTests}. */
public final class ClosedHoursTestsAccess {

    public static final String QUEUE = ClosedHoursTests.QUEUE;

    private ClosedHoursTestsAccess() {}

    /** A center of the caller's own with the closed queue, an agent ("agent") and a manager ("manager"). */
    public static TestCenter centerWithClosedQueue(ApplicationContext context, int port, String label) {
        return ClosedHoursTests.centerWithClosedQueue(context, port, label);
    }
}
