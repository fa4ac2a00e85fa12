package io.sangdam.engine.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Back-tests every method on the last weeks of the history, picks the one with the lowest WAPE, and
 * forecasts with it from the whole history. On equal WAPE the earlier method in {@link #METHODS}
 * (the simpler profile) wins.
 */
public final class IntervalForecaster {

    /** The methods compared, simplest first. */
    public static final List<ForecastMethod> METHODS = List.of(new WeekdayProfile(), new HoltWinters());

    private IntervalForecaster() {}

    /**
     * @param days days to forecast after the last day of history
     * @param heldBackWeeks weeks at the end of the history used to score the methods (1 or 2 is usual);
     *     the history must hold at least two more weeks than this
     */
    public static ForecastChoice forecast(
            IntervalHistory history, HolidayCalendar holidays, int days, int heldBackWeeks) {
        return forecast(METHODS, history, holidays, days, heldBackWeeks);
    }

    /** The same with the caller's own list of methods. */
    public static ForecastChoice forecast(
            List<ForecastMethod> methods,
            IntervalHistory history,
            HolidayCalendar holidays,
            int days,
            int heldBackWeeks) {
        if (methods.isEmpty()) {
            throw new InvalidForecastInputException("methods", "name at least one method");
        }
        List<BacktestScore> scores = new ArrayList<>();
        ForecastMethod best = methods.getFirst();
        double bestError = Double.POSITIVE_INFINITY;
        for (ForecastMethod method : methods) {
            BacktestScore score = backtest(method, history, holidays, heldBackWeeks);
            scores.add(score);
            if (score.weightedAbsolutePercentageError() < bestError) {
                bestError = score.weightedAbsolutePercentageError();
                best = method;
            }
        }
        return new ForecastChoice(best.forecast(history, holidays, days), best.name(), scores);
    }

    /** Fits on all but the last {@code heldBackWeeks} weeks and scores the forecast of those weeks. */
    public static BacktestScore backtest(
            ForecastMethod method, IntervalHistory history, HolidayCalendar holidays, int heldBackWeeks) {
        if (heldBackWeeks < 1) {
            throw new InvalidForecastInputException("heldBackWeeks", "must be at least 1, was " + heldBackWeeks);
        }
        int heldBackDays = 7 * heldBackWeeks;
        if (history.days() < heldBackDays + 14) {
            throw new InvalidForecastInputException(
                    "history",
                    "back-testing " + heldBackWeeks + " weeks needs at least " + (heldBackDays + 14) + " days, had "
                            + history.days());
        }
        int trainingDays = history.days() - heldBackDays;
        IntervalForecast forecast = method.forecast(history.firstDays(trainingDays), holidays, heldBackDays);
        double error = weightedAbsolutePercentageError(history.fromDay(trainingDays), forecast, holidays);
        return new BacktestScore(method.name(), heldBackWeeks, error);
    }

    /**
     * WAPE = Σ |actual − forecast| / Σ actual over the days both cover, holidays left out. Unlike MAPE
     * it does not explode on night intervals with 0 or 1 contact. 0 when nothing was offered and
     * nothing forecast; +∞ when nothing was offered but something was forecast.
     */
    public static double weightedAbsolutePercentageError(
            IntervalHistory actual, IntervalForecast forecast, HolidayCalendar holidays) {
        if (!actual.firstDay().equals(forecast.firstDay())
                || actual.intervalMinutes() != forecast.values().intervalMinutes()) {
            throw new InvalidForecastInputException(
                    "forecast", "does not cover the same days and intervals as the actuals");
        }
        int days = Math.min(actual.days(), forecast.days());
        double absolute = 0;
        double offered = 0;
        for (int day = 0; day < days; day++) {
            if (holidays.isHoliday(actual.day(day))) {
                continue;
            }
            for (int interval = 0; interval < actual.intervalsPerDay(); interval++) {
                double value = actual.contacts(day, interval);
                absolute += Math.abs(value - forecast.contacts(day, interval));
                offered += value;
            }
        }
        if (offered == 0) {
            return absolute == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return absolute / offered;
    }
}
