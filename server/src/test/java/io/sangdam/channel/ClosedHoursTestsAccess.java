package io.sangdam.channel;

/** Lets browser journeys set up the always-closed queue of {@link ClosedHoursTests}. */
public final class ClosedHoursTestsAccess {

    private ClosedHoursTestsAccess() {}

    public static void ensureClosedQueue(int port) {
        ClosedHoursTests.ensureClosedQueue(port);
    }
}
