package io.sangdam.reporting;

import io.sangdam.platform.RequestRejected;
import org.jspecify.annotations.Nullable;

/**
 * When a board figure turns to a warning and when to an alert, as a center sets them. Service level
 * is worse the lower it is; longest wait and the number waiting are worse the higher they are. Each
 * pair must be ordered (the alert past the warning), or the colours would contradict each other.
 *
 * @param serviceLevelWarn today's service level (%) at or below which a queue is a warning
 * @param serviceLevelAlert ... at or below which it is an alert
 * @param longestWaitWarn seconds the longest waiting contact may wait before a warning
 * @param longestWaitAlert ... before an alert
 * @param waitingWarn contacts waiting in a queue from which on it is a warning
 * @param waitingAlert ... from which on an alert
 */
record BoardThresholds(
        int serviceLevelWarn,
        int serviceLevelAlert,
        int longestWaitWarn,
        int longestWaitAlert,
        int waitingWarn,
        int waitingAlert) {

    static final BoardThresholds DEFAULTS = new BoardThresholds(80, 60, 60, 180, 5, 15);

    static final int MAXIMUM_WAIT_SECONDS = 3600;
    static final int MAXIMUM_WAITING = 1000;

    /** How a figure stands against its thresholds; the board shows the word and an icon with the colour. */
    enum Level {
        OK,
        WARN,
        ALERT
    }

    /** Refuses thresholds out of range or in the wrong order, naming the field, with problem details. */
    BoardThresholds {
        within("service-level-warn", serviceLevelWarn, 1, 100);
        within("service-level-alert", serviceLevelAlert, 0, serviceLevelWarn - 1);
        within("longest-wait-warn", longestWaitWarn, 1, MAXIMUM_WAIT_SECONDS - 1);
        within("longest-wait-alert", longestWaitAlert, longestWaitWarn + 1, MAXIMUM_WAIT_SECONDS);
        within("waiting-warn", waitingWarn, 1, MAXIMUM_WAITING - 1);
        within("waiting-alert", waitingAlert, waitingWarn + 1, MAXIMUM_WAITING);
    }

    /** Each field has its own code (problem.board-threshold-...), so the message names it in the reader's language. */
    private static void within(String field, int value, int lowest, int highest) {
        if (value < lowest || value > highest) {
            throw RequestRejected.badRequest("board-threshold-" + field, value, lowest, highest);
        }
    }

    /** @param serviceLevel a share (0 to 1), null while nothing has an outcome today (then no colour) */
    Level serviceLevel(@Nullable Double serviceLevel) {
        if (serviceLevel == null) {
            return Level.OK;
        }
        double percent = serviceLevel * 100;
        return percent <= serviceLevelAlert ? Level.ALERT : percent <= serviceLevelWarn ? Level.WARN : Level.OK;
    }

    Level longestWait(long seconds) {
        return seconds >= longestWaitAlert ? Level.ALERT : seconds >= longestWaitWarn ? Level.WARN : Level.OK;
    }

    Level waiting(long contacts) {
        return contacts >= waitingAlert ? Level.ALERT : contacts >= waitingWarn ? Level.WARN : Level.OK;
    }
}
