package io.sangdam.engine.forecast;

import java.time.DayOfWeek;

/**
 * A regression on weekday × interval with a linear trend: daily volume D(d) = (β0 + β1·d) · W(weekday),
 * and interval i of the day gets the share P(weekday, i) of it.
 *
 * <p>Fit: the trend and the weekday factors are estimated alternately (least squares of D / W on the
 * day number, then W as the mean of D / trend per weekday, normalised to average 1) for a fixed
 * number of rounds, which converges in a few. The intraday shares are pooled over all weeks of the
 * same weekday. Holidays are left out of every step. It has no memory of recent level shifts, which
 * is where {@link HoltWinters} does better.
 */
public record WeekdayProfile() implements ForecastMethod {

    private static final int ROUNDS = 20;

    @Override
    public String name() {
        return "weekday-profile";
    }

    @Override
    public IntervalForecast forecast(IntervalHistory history, HolidayCalendar holidays, int days) {
        Seasons.requireHorizon(days);
        Seasons.requireDays(history, 14, name());
        int perDay = history.intervalsPerDay();
        int historyDays = history.days();
        double[] total = new double[historyDays];
        int[] weekday = new int[historyDays];
        boolean[] used = new boolean[historyDays];
        for (int day = 0; day < historyDays; day++) {
            for (int interval = 0; interval < perDay; interval++) {
                total[day] += history.contacts(day, interval);
            }
            weekday[day] = history.day(day).getDayOfWeek().getValue() - 1;
            used[day] = !holidays.isHoliday(history.day(day));
        }

        double[] factor = {1, 1, 1, 1, 1, 1, 1};
        double intercept = 0;
        double slope = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Least squares of D / W on the day number.
            double n = 0, sumX = 0, sumY = 0, sumXX = 0, sumXY = 0;
            for (int day = 0; day < historyDays; day++) {
                if (used[day] && factor[weekday[day]] > 0) {
                    double y = total[day] / factor[weekday[day]];
                    n++;
                    sumX += day;
                    sumY += y;
                    sumXX += (double) day * day;
                    sumXY += day * y;
                }
            }
            double spread = n * sumXX - sumX * sumX;
            slope = spread > 0 ? (n * sumXY - sumX * sumY) / spread : 0;
            intercept = n > 0 ? (sumY - slope * sumX) / n : 0;

            double[] ratioSum = new double[7];
            int[] ratioCount = new int[7];
            for (int day = 0; day < historyDays; day++) {
                double trend = intercept + slope * day;
                if (used[day] && trend > 0) {
                    ratioSum[weekday[day]] += total[day] / trend;
                    ratioCount[weekday[day]]++;
                }
            }
            double mean = 0;
            int present = 0;
            for (int k = 0; k < 7; k++) {
                if (ratioCount[k] > 0) {
                    factor[k] = ratioSum[k] / ratioCount[k];
                    mean += factor[k];
                    present++;
                }
            }
            if (present == 0 || mean == 0) {
                break; // no volume at all: every forecast is 0
            }
            mean /= present;
            for (int k = 0; k < 7; k++) {
                factor[k] /= mean;
            }
        }

        double[][] share = new double[7][perDay];
        double[] weekdayTotal = new double[7];
        for (int day = 0; day < historyDays; day++) {
            if (used[day]) {
                weekdayTotal[weekday[day]] += total[day];
                for (int interval = 0; interval < perDay; interval++) {
                    share[weekday[day]][interval] += history.contacts(day, interval);
                }
            }
        }
        for (int k = 0; k < 7; k++) {
            for (int interval = 0; interval < perDay; interval++) {
                share[k][interval] = weekdayTotal[k] > 0 ? share[k][interval] / weekdayTotal[k] : 0;
            }
        }

        int sunday = DayOfWeek.SUNDAY.getValue() - 1;
        double[] forecast = new double[days * perDay];
        for (int offset = 0; offset < days; offset++) {
            int day = historyDays + offset;
            var date = history.day(day);
            int k = holidays.isHoliday(date) ? sunday : date.getDayOfWeek().getValue() - 1;
            double daily = Math.max(0.0, intercept + slope * day) * factor[k];
            for (int interval = 0; interval < perDay; interval++) {
                forecast[offset * perDay + interval] = daily * share[k][interval];
            }
        }
        return new IntervalForecast(
                name(), new IntervalHistory(history.day(historyDays), history.intervalMinutes(), forecast));
    }
}
