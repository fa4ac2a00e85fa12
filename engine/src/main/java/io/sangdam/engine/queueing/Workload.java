package io.sangdam.engine.queueing;

import static io.sangdam.engine.queueing.InvalidQueueingInputException.requireNonNegative;
import static io.sangdam.engine.queueing.InvalidQueueingInputException.requirePositive;

/**
 * The work offered to one queue in one interval: how many contacts arrive and how long each takes.
 *
 * @param contacts contacts offered in the interval; fractional values are allowed because they come
 *     from forecasts
 * @param intervalSeconds length of the interval, e.g. 1800 for 30 minutes
 * @param averageHandlingTimeSeconds AHT: talk or chat time + hold + after-contact work
 */
public record Workload(double contacts, double intervalSeconds, double averageHandlingTimeSeconds) {

    public Workload {
        requireNonNegative("contacts", contacts);
        requirePositive("intervalSeconds", intervalSeconds);
        requirePositive("averageHandlingTimeSeconds", averageHandlingTimeSeconds);
    }

    /**
     * A workload given directly as offered load in Erlangs, with the AHT that sets the time scale. The
     * load goes through contacts per hour and back, so {@link #erlangs()} may differ from the argument
     * in the last binary digit; compare against {@link #erlangs()}, not the argument.
     */
    public static Workload ofErlangs(double erlangs, double averageHandlingTimeSeconds) {
        requireNonNegative("erlangs", erlangs);
        requirePositive("averageHandlingTimeSeconds", averageHandlingTimeSeconds);
        // One hour interval; contacts chosen so that contacts * AHT / interval == erlangs.
        return new Workload(erlangs * 3600.0 / averageHandlingTimeSeconds, 3600.0, averageHandlingTimeSeconds);
    }

    /** Arrival rate λ in contacts per second. */
    public double arrivalsPerSecond() {
        return contacts / intervalSeconds;
    }

    /** Offered load a = λ · AHT in Erlangs: the average number of agents the work keeps busy. */
    public double erlangs() {
        return contacts * averageHandlingTimeSeconds / intervalSeconds;
    }
}
