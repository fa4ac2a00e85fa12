package io.sangdam.engine.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a simulation produced, per interval and queue, and per queue for the whole day.
 *
 * @param decisions routing decisions (offers) the engine made during the run
 */
public record SimulationReport(Duration shortAbandon, List<Row> intervals, List<Row> totals, long decisions) {

    /** The queue name used for rows that add up all queues. */
    public static final String ALL_QUEUES = "(all)";

    /**
     * One line of the report.
     *
     * @param intervalStart null on the whole-day totals
     * @param offered contacts that arrived (turned-away contacts are counted apart)
     * @param serviceLevel answered within the queue's target / (offered - short abandons); NaN when
     *     nothing counts
     * @param averageSpeedOfAnswer seconds from original arrival to assignment, over answered contacts
     * @param averageHandlingTime seconds of talk or chat plus wrap-up, over completed contacts
     * @param occupancy handling / (handling + available idle) agent time, all agents together: agents
     *     serve several queues, so occupancy is not split by queue
     */
    public record Row(
            @Nullable Instant intervalStart,
            String queue,
            long offered,
            long answered,
            long abandoned,
            long shortAbandons,
            long turnedAway,
            double serviceLevel,
            double averageSpeedOfAnswer,
            double averageHandlingTime,
            double occupancy) {}

    public String serviceLevelRule() {
        return "Service level = answered within the queue's target / (offered - abandoned within "
                + shortAbandon.toSeconds() + " s). Abandons within " + shortAbandon.toSeconds()
                + " s are left out of both sides; later abandons count as not answered in time.";
    }

    public Row total(String queue) {
        for (Row row : totals) {
            if (row.queue().equals(queue)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no queue " + queue);
    }

    /** The report as a fixed-width text table, intervals in {@code zone}. */
    public String table(ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
        StringBuilder text = new StringBuilder();
        String header = String.format(
                Locale.ROOT,
                "%-11s %-12s %8s %8s %8s %6s %7s %7s %7s %6s%n",
                "interval",
                "queue",
                "offered",
                "answered",
                "abandon",
                "short",
                "SL",
                "ASA s",
                "AHT s",
                "occ");
        text.append(header);
        for (Row row : intervals) {
            appendRow(text, row.intervalStart() == null ? "day" : time.format(row.intervalStart()), row);
        }
        text.append(System.lineSeparator())
                .append("Whole day")
                .append(System.lineSeparator())
                .append(header);
        for (Row row : totals) {
            appendRow(text, "day", row);
        }
        text.append(System.lineSeparator()).append(serviceLevelRule()).append(System.lineSeparator());
        text.append("short = abandons within ")
                .append(shortAbandon.toSeconds())
                .append(" s; occ = occupancy of all logged-in agents; AHT includes wrap-up.")
                .append(System.lineSeparator());
        return text.toString();
    }

    private static void appendRow(StringBuilder text, String interval, Row row) {
        text.append(String.format(
                Locale.ROOT,
                "%-11s %-12s %8d %8d %8d %6d %7s %7s %7s %6s%n",
                interval,
                row.queue(),
                row.offered(),
                row.answered(),
                row.abandoned(),
                row.shortAbandons(),
                percent(row.serviceLevel()),
                number(row.averageSpeedOfAnswer()),
                number(row.averageHandlingTime()),
                percent(row.occupancy())));
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
