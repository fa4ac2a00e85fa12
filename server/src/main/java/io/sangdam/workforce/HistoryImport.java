package io.sangdam.workforce;

import io.sangdam.workforce.IntervalRecords.IntervalRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads interval history from CSV, the way ACD and PBX reports export it:
 * {@code queue,interval_start,contacts,aht_seconds} with a header line, one interval per line,
 * e.g. {@code BILLING,2026-11-23 09:30,142,238.5}. The AHT column may be empty.
 *
 * <p>All or nothing: one bad line rejects the file and every bad line is reported with its number,
 * so the planner fixes the file once instead of importing half of it.
 */
final class HistoryImport {

    static final int MAXIMUM_LINES = 200_000;
    static final int MAXIMUM_REPORTED_PROBLEMS = 50;
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_\\-]{1,30}");
    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"));

    /** A bad line: its number (1 = the header) and a message key with arguments. */
    record Problem(int line, String messageKey, List<String> arguments) {}

    record Result(List<IntervalRecord> records, List<Problem> problems, int problemCount) {

        boolean accepted() {
            return problemCount == 0 && !records.isEmpty();
        }
    }

    private HistoryImport() {}

    static Result read(Reader csv, int intervalMinutes) throws IOException {
        List<IntervalRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int problemCount = 0;
        Set<String> seen = new HashSet<>();
        var reader = new BufferedReader(csv);
        String line = reader.readLine();
        if (line == null) {
            return new Result(List.of(), List.of(new Problem(1, "history.problem.empty", List.of())), 1);
        }
        if (!line.replace("\uFEFF", "").toLowerCase().replace(" ", "").startsWith("queue,interval_start,contacts")) {
            return new Result(List.of(), List.of(new Problem(1, "history.problem.header", List.of())), 1);
        }
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number > MAXIMUM_LINES + 1) {
                problems.add(new Problem(number, "history.problem.too-many", List.of(String.valueOf(MAXIMUM_LINES))));
                problemCount++;
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            @Nullable Problem problem = null;
            String[] fields = line.split(",", -1);
            if (fields.length < 3 || fields.length > 4) {
                problem = new Problem(number, "history.problem.columns", List.of(String.valueOf(fields.length)));
            } else if (!QUEUE.matcher(fields[0].strip()).matches()) {
                problem = new Problem(number, "history.problem.queue", List.of(fields[0].strip()));
            } else {
                LocalDateTime start = time(fields[1].strip());
                Integer contacts = integer(fields[2].strip());
                Double handling = fields.length == 4 && !fields[3].isBlank() ? decimal(fields[3].strip()) : null;
                boolean handlingGiven = fields.length == 4 && !fields[3].isBlank();
                if (start == null) {
                    problem = new Problem(number, "history.problem.time", List.of(fields[1].strip()));
                } else if ((start.getHour() * 60 + start.getMinute()) % intervalMinutes != 0
                        || start.getSecond() != 0) {
                    problem = new Problem(
                            number,
                            "history.problem.boundary",
                            List.of(fields[1].strip(), String.valueOf(intervalMinutes)));
                } else if (contacts == null || contacts < 0) {
                    problem = new Problem(number, "history.problem.contacts", List.of(fields[2].strip()));
                } else if (handlingGiven && (handling == null || handling <= 0 || handling > 86_400)) {
                    problem = new Problem(number, "history.problem.aht", List.of(fields[3].strip()));
                } else if (!seen.add(fields[0].strip().toUpperCase() + "@" + start)) {
                    problem = new Problem(
                            number, "history.problem.duplicate", List.of(fields[0].strip(), fields[1].strip()));
                } else {
                    records.add(new IntervalRecord(
                            fields[0].strip().toUpperCase(), start, intervalMinutes, contacts, handling));
                }
            }
            if (problem != null) {
                problemCount++;
                if (problems.size() < MAXIMUM_REPORTED_PROBLEMS) {
                    problems.add(problem);
                }
            }
        }
        if (records.isEmpty() && problemCount == 0) {
            problems.add(new Problem(number, "history.problem.empty", List.of()));
            problemCount = 1;
        }
        return new Result(List.copyOf(records), List.copyOf(problems), problemCount);
    }

    private static @Nullable LocalDateTime time(String text) {
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException notThisFormat) {
                // try the next format
            }
        }
        return null;
    }

    private static @Nullable Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static @Nullable Double decimal(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
