package io.sangdam.engine.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Holt-Winters in two layers: daily totals follow Holt-Winters with a damped additive trend and a
 * multiplicative weekly season (D̂(t+h) = (L + (φ + φ² + … + φ^h)·b) · s(weekday), φ = 0.9), and each day is spread over its
 * intervals by that weekday's intraday shares, averaged over past weeks with weights that halve about
 * every two weeks so that a changing shape is followed.
 *
 * <p>Why not one Holt-Winters over the interval series with a season of 7 × 48 slots: contact volume
 * is multiplicative (a busy Monday raises the 10:00 peak far more than 03:00), so an additive seasonal
 * index moves night and peak by the same amount after a level change, and each of the 336 slots is
 * updated only once a week, so it learns slowly. A multiplicative index per interval divides by
 * night volumes near zero. Daily totals have neither problem.
 *
 * <p>Why damped: after a level shift (a launch, a merged queue) the undamped trend picks up the jump
 * and extrapolates it for the whole horizon (a +40 % step became a forecast 15 % too high two weeks
 * out in our tests). With φ = 0.9 the trend adds at most 9 days' worth of growth (Gardner and
 * McKenzie 1985; damped trend is the usual default in forecasting practice).
 *
 * <p>The smoothing constants come from a grid search minimising the one-day-ahead squared error after
 * the first week. State starts from the first two weeks (level = mean daily total of week 1, trend =
 * difference of the two weekly means / 7, season = each day over its week's mean). Holidays are
 * missing days: the level moves on by the (damped) trend and nothing is learnt. A weekday with no volume at all
 * (a center closed on Sundays) keeps a seasonal index of 0 and is not used to update the level.
 */
public record HoltWinters() implements ForecastMethod {

    private static final double[] LEVEL_SMOOTHING = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
    private static final double[] TREND_SMOOTHING = {0.0, 0.02, 0.05, 0.1, 0.2};
    private static final double[] SEASON_SMOOTHING = {0.05, 0.1, 0.2, 0.3};
    /** Weight of a week's intraday shape relative to the week after it. */
    private static final double SHAPE_MEMORY = 0.7;

    private static final double ZERO_SEASON = 1e-9;
    private static final double DAMPING = 0.9;

    @Override
    public String name() {
        return "holt-winters";
    }

    @Override
    public IntervalForecast forecast(IntervalHistory history, HolidayCalendar holidays, int days) {
        Seasons.requireHorizon(days);
        Seasons.requireDays(history, 14, name());
        int perDay = history.intervalsPerDay();
        int historyDays = history.days();
        double[] total = new double[historyDays];
        boolean[] holiday = new boolean[historyDays];
        for (int day = 0; day < historyDays; day++) {
            for (int interval = 0; interval < perDay; interval++) {
                total[day] += history.contacts(day, interval);
            }
            holiday[day] = holidays.isHoliday(history.day(day));
        }

        double best = Double.POSITIVE_INFINITY;
        State fitted = null;
        for (double alpha : LEVEL_SMOOTHING) {
            for (double beta : TREND_SMOOTHING) {
                for (double gamma : SEASON_SMOOTHING) {
                    State state = State.initial(total, holiday);
                    double error = state.run(total, holiday, alpha, beta, gamma);
                    if (error < best) {
                        best = error;
                        fitted = state;
                    }
                }
            }
        }
        if (fitted == null) {
            throw new IllegalStateException("grid search found no finite fit");
        }

        double[][] shape = intradayShape(history, total, holiday);
        int sundayPosition = Seasons.cyclePosition(history.firstDay(), DayOfWeek.SUNDAY);
        double[] forecast = new double[days * perDay];
        double dampedSteps = 0;
        for (int step = 1; step <= days; step++) {
            dampedSteps += Math.pow(DAMPING, step);
            int day = historyDays - 1 + step;
            LocalDate date = history.day(day);
            int position = holidays.isHoliday(date) ? sundayPosition : day % 7;
            double daily = Math.max(0.0, fitted.level + dampedSteps * fitted.trend) * fitted.seasonal[position];
            for (int interval = 0; interval < perDay; interval++) {
                forecast[(step - 1) * perDay + interval] = daily * shape[position][interval];
            }
        }
        return new IntervalForecast(
                name(), new IntervalHistory(history.day(historyDays), history.intervalMinutes(), forecast));
    }

    /** Share of the day's volume per interval, by position in the weekly cycle, recent weeks weighted up. */
    private static double[][] intradayShape(IntervalHistory history, double[] total, boolean[] holiday) {
        int perDay = history.intervalsPerDay();
        int historyDays = history.days();
        double[][] shape = new double[7][perDay];
        double[] weightSum = new double[7];
        for (int day = 0; day < historyDays; day++) {
            if (holiday[day] || total[day] == 0) {
                continue;
            }
            int weeksBack = (historyDays - 1 - day) / 7;
            double weight = Math.pow(SHAPE_MEMORY, weeksBack);
            int position = day % 7;
            weightSum[position] += weight;
            for (int interval = 0; interval < perDay; interval++) {
                shape[position][interval] += weight * history.contacts(day, interval) / total[day];
            }
        }
        for (int position = 0; position < 7; position++) {
            for (int interval = 0; interval < perDay; interval++) {
                shape[position][interval] =
                        weightSum[position] > 0 ? shape[position][interval] / weightSum[position] : 0;
            }
        }
        return shape;
    }

    private static final class State {
        double level;
        double trend;
        final double[] seasonal;

        private State(double level, double trend, double[] seasonal) {
            this.level = level;
            this.trend = trend;
            this.seasonal = seasonal;
        }

        static State initial(double[] total, boolean[] holiday) {
            double[] weekMean = new double[2];
            for (int week = 0; week < 2; week++) {
                double sum = 0;
                int count = 0;
                for (int day = 7 * week; day < 7 * (week + 1); day++) {
                    if (!holiday[day]) {
                        sum += total[day];
                        count++;
                    }
                }
                weekMean[week] = count > 0 ? sum / count : 0;
            }
            double[] seasonal = new double[7];
            for (int position = 0; position < 7; position++) {
                double sum = 0;
                int count = 0;
                for (int week = 0; week < 2; week++) {
                    int day = 7 * week + position;
                    if (!holiday[day] && weekMean[week] > 0) {
                        sum += total[day] / weekMean[week];
                        count++;
                    }
                }
                seasonal[position] = count > 0 ? sum / count : 1;
            }
            double trend = (weekMean[1] - weekMean[0]) / 7;
            // weekMean[0] is the level in the middle of week 1; step back to just before it starts.
            return new State(weekMean[0] - 4 * trend, trend, seasonal);
        }

        /** Runs the recursions over the daily totals; returns the one-day-ahead squared error after week 1. */
        double run(double[] total, boolean[] holiday, double alpha, double beta, double gamma) {
            double error = 0;
            for (int day = 0; day < total.length; day++) {
                int position = day % 7;
                if (holiday[day]) {
                    level += DAMPING * trend;
                    trend *= DAMPING;
                    continue;
                }
                double observed = total[day];
                double expected = level + DAMPING * trend;
                if (day >= 7) {
                    double residual = observed - expected * seasonal[position];
                    error += residual * residual;
                }
                double newLevel = seasonal[position] > ZERO_SEASON
                        ? alpha * observed / seasonal[position] + (1 - alpha) * expected
                        : expected;
                trend = beta * (newLevel - level) + (1 - beta) * DAMPING * trend;
                if (newLevel > 0) {
                    seasonal[position] = gamma * observed / newLevel + (1 - gamma) * seasonal[position];
                }
                level = newLevel;
            }
            return error;
        }
    }
}
