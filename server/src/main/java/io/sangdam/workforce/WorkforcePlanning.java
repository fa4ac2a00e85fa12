package io.sangdam.workforce;

import io.sangdam.engine.forecast.BacktestScore;
import io.sangdam.engine.forecast.ForecastChoice;
import io.sangdam.engine.forecast.HolidayCalendar;
import io.sangdam.engine.forecast.IntervalForecast;
import io.sangdam.engine.forecast.IntervalForecaster;
import io.sangdam.engine.forecast.IntervalHistory;
import io.sangdam.engine.forecast.InvalidForecastInputException;
import io.sangdam.platform.RequestRejected;
import io.sangdam.workforce.IntervalRecords.IntervalRecord;
import io.sangdam.workforce.StaffingQuestion.ShrinkagePart;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * From interval history to a forecast, and from a forecast to the agents and headcount each
 * interval needs: the planner's week, computed with the engine's forecasting and staffing math.
 */
@Service
class WorkforcePlanning {

    /** Weeks held back to score the forecasting methods against what really happened. */
    static final int HELD_BACK_WEEKS = 2;

    static final int MAXIMUM_FORECAST_DAYS = 56;
    /** Used only when the history has no handling times at all. */
    static final double FALLBACK_HANDLING_SECONDS = 300;

    private final IntervalRecords records;
    private final Holidays holidays;
    private final StaffingCalculator calculator;

    WorkforcePlanning(IntervalRecords records, Holidays holidays, StaffingCalculator calculator) {
        this.records = records;
        this.holidays = holidays;
        this.calculator = calculator;
    }

    record DailyTotal(LocalDate day, double contacts, boolean holiday) {}

    record ForecastView(
            String queue,
            int intervalMinutes,
            String chosenMethod,
            List<BacktestScore> scores,
            List<DailyTotal> history,
            List<DailyTotal> forecast,
            LocalDate firstForecastDay) {}

    /** What the planner looks at: the history, the forecast after it, and how each method scored. */
    ForecastView forecast(long centerId, String queue, int days) {
        Prepared prepared = prepare(centerId, queue, days);
        IntervalHistory history = prepared.history();
        List<DailyTotal> past = new ArrayList<>();
        for (int day = 0; day < history.days(); day++) {
            past.add(new DailyTotal(
                    history.day(day),
                    dayTotal(history, day),
                    prepared.calendar().isHoliday(history.day(day))));
        }
        IntervalHistory future = prepared.choice().forecast().values();
        List<DailyTotal> ahead = new ArrayList<>();
        for (int day = 0; day < future.days(); day++) {
            ahead.add(new DailyTotal(
                    future.day(day), dayTotal(future, day), prepared.calendar().isHoliday(future.day(day))));
        }
        return new ForecastView(
                queue,
                history.intervalMinutes(),
                prepared.choice().chosenMethod(),
                prepared.choice().scores(),
                past,
                ahead,
                future.firstDay());
    }

    record PlanTargets(
            double serviceLevel,
            double thresholdSeconds,
            double maximumOccupancy,
            double shrinkage,
            @Nullable Double patienceSeconds) {}

    record PlanRow(
            LocalDateTime intervalStart,
            double contacts,
            double handlingSeconds,
            int agents,
            int headcount,
            @Nullable Double serviceLevel,
            @Nullable Double averageSpeedOfAnswerSeconds) {}

    // Its methods are public because templates call them, and SpEL sees only public methods.
    record Plan(
            String queue,
            int intervalMinutes,
            String method,
            LocalDate firstDay,
            int days,
            PlanTargets targets,
            List<PlanRow> rows) {

        public int peakAgents() {
            return rows.stream().mapToInt(PlanRow::agents).max().orElse(0);
        }

        public double agentHours() {
            return rows.stream()
                    .mapToDouble(r -> r.agents() * intervalMinutes / 60.0)
                    .sum();
        }

        public double headcountHours() {
            return rows.stream()
                    .mapToDouble(r -> r.headcount() * intervalMinutes / 60.0)
                    .sum();
        }

        public double contacts() {
            return rows.stream().mapToDouble(PlanRow::contacts).sum();
        }
    }

    /** Agents and headcount per interval for {@code days} days from {@code firstDay}, from the forecast. */
    Plan plan(long centerId, String queue, LocalDate firstDay, int days, PlanTargets targets) {
        if (days < 1 || days > 7) {
            throw RequestRejected.badRequest("invalid-parameter", "days");
        }
        IntervalHistory known = history(centerId, queue);
        LocalDate forecastStart = known.firstDay().plusDays(known.days());
        if (firstDay.isBefore(forecastStart)) {
            throw RequestRejected.badRequest("plan-before-forecast", forecastStart);
        }
        int horizon = (int) ChronoUnit.DAYS.between(forecastStart, firstDay) + days;
        if (horizon > MAXIMUM_FORECAST_DAYS) {
            throw RequestRejected.badRequest("plan-too-far", MAXIMUM_FORECAST_DAYS);
        }
        Prepared prepared = prepare(centerId, queue, horizon);
        IntervalForecast forecast = prepared.choice().forecast();
        double[][] handling = handlingProfile(records.of(centerId, queue), known.intervalMinutes());
        int perDay = known.intervalsPerDay();
        List<PlanRow> rows = new ArrayList<>();
        int offset = (int) ChronoUnit.DAYS.between(forecastStart, firstDay);
        for (int day = offset; day < offset + days; day++) {
            LocalDate date = forecastStart.plusDays(day);
            for (int interval = 0; interval < perDay; interval++) {
                double contacts = forecast.contacts(day, interval);
                double aht = handling[date.getDayOfWeek().getValue() - 1][interval];
                LocalDateTime start = date.atTime(LocalTime.MIN).plusMinutes((long) interval * known.intervalMinutes());
                if (contacts < 0.5) {
                    rows.add(new PlanRow(start, contacts, aht, 0, 0, null, null));
                    continue;
                }
                StaffingAnswer answer = calculator.answer(new StaffingQuestion(
                        contacts,
                        known.intervalMinutes(),
                        aht,
                        targets.serviceLevel(),
                        targets.thresholdSeconds(),
                        targets.patienceSeconds(),
                        null,
                        null,
                        targets.maximumOccupancy(),
                        targets.shrinkage() > 0
                                ? List.of(new ShrinkagePart("total", targets.shrinkage()))
                                : List.of()));
                double asa = answer.averageSpeedOfAnswerSeconds();
                rows.add(new PlanRow(
                        start,
                        contacts,
                        aht,
                        answer.agents(),
                        answer.headcount(),
                        answer.serviceLevel(),
                        Double.isFinite(asa) ? asa : null));
            }
        }
        return new Plan(
                queue, known.intervalMinutes(), prepared.choice().chosenMethod(), firstDay, days, targets, rows);
    }

    List<String> queues(long centerId) {
        return records.queues(centerId);
    }

    /** The day after the history ends: the first day a plan can be made for. */
    @Nullable
    LocalDate firstPlannableDay(long centerId, String queue) {
        if (records.of(centerId, queue).isEmpty()) {
            return null;
        }
        IntervalHistory known = history(centerId, queue);
        return known.firstDay().plusDays(known.days());
    }

    private record Prepared(IntervalHistory history, HolidayCalendar calendar, ForecastChoice choice) {}

    private Prepared prepare(long centerId, String queue, int days) {
        IntervalHistory history = history(centerId, queue);
        HolidayCalendar calendar = holidays.calendar(centerId);
        if (history.days() < 7 * (HELD_BACK_WEEKS + 2)) {
            throw RequestRejected.badRequest("history-too-short", 7 * (HELD_BACK_WEEKS + 2), history.days());
        }
        try {
            return new Prepared(
                    history, calendar, IntervalForecaster.forecast(history, calendar, days, HELD_BACK_WEEKS));
        } catch (InvalidForecastInputException invalid) {
            throw RequestRejected.badRequest("invalid-forecast-input", invalid.field(), invalid.getMessage());
        }
    }

    /**
     * The history as whole days of intervals. Intervals missing from the records count as 0
     * contacts: ACD reports leave out intervals in which nothing arrived (or the center was closed).
     */
    private IntervalHistory history(long centerId, String queue) {
        List<IntervalRecord> rows = records.of(centerId, queue);
        if (rows.isEmpty()) {
            throw RequestRejected.notFound("unknown-queue-history", queue);
        }
        int minutes = rows.getFirst().intervalMinutes();
        int perDay = 1440 / minutes;
        LocalDate first = rows.getFirst().intervalStart().toLocalDate();
        LocalDate last = rows.getLast().intervalStart().toLocalDate();
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        double[] contacts = new double[days * perDay];
        for (IntervalRecord row : rows) {
            if (row.intervalMinutes() != minutes) {
                throw RequestRejected.badRequest("mixed-interval-lengths", queue);
            }
            int day = (int) ChronoUnit.DAYS.between(first, row.intervalStart().toLocalDate());
            int interval =
                    (row.intervalStart().getHour() * 60 + row.intervalStart().getMinute()) / minutes;
            contacts[day * perDay + interval] = row.contacts();
        }
        return new IntervalHistory(first, minutes, contacts);
    }

    /** Mean handling time per weekday and interval, weighted by contacts; the queue's overall mean where empty. */
    private static double[][] handlingProfile(List<IntervalRecord> rows, int minutes) {
        int perDay = 1440 / minutes;
        double[][] weighted = new double[7][perDay];
        double[][] counts = new double[7][perDay];
        double totalWeighted = 0;
        double totalCount = 0;
        for (IntervalRecord row : rows) {
            if (row.handlingSeconds() == null || row.contacts() == 0) {
                continue;
            }
            int weekday = row.intervalStart().getDayOfWeek().getValue() - 1;
            int interval =
                    (row.intervalStart().getHour() * 60 + row.intervalStart().getMinute()) / minutes;
            weighted[weekday][interval] += row.handlingSeconds() * row.contacts();
            counts[weekday][interval] += row.contacts();
            totalWeighted += row.handlingSeconds() * row.contacts();
            totalCount += row.contacts();
        }
        double overall = totalCount > 0 ? totalWeighted / totalCount : FALLBACK_HANDLING_SECONDS;
        double[][] profile = new double[7][perDay];
        for (int weekday = 0; weekday < 7; weekday++) {
            for (int interval = 0; interval < perDay; interval++) {
                profile[weekday][interval] = counts[weekday][interval] > 0
                        ? weighted[weekday][interval] / counts[weekday][interval]
                        : overall;
            }
        }
        return profile;
    }

    private static double dayTotal(IntervalHistory history, int day) {
        double total = 0;
        for (int interval = 0; interval < history.intervalsPerDay(); interval++) {
            total += history.contacts(day, interval);
        }
        return total;
    }
}
