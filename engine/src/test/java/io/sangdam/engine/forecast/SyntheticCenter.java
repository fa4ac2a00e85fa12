package io.sangdam.engine.forecast;

import java.time.LocalDate;
import java.util.Random;

/**
 * A seeded synthetic contact center: a two-humped intraday shape (10:30 and 14:30), weekday factors
 * (Monday busiest, Sunday quietest), a daily level with a linear trend or a step, holidays at a
 * quarter of the usual volume, and Poisson noise. {@link #expected} is the noiseless truth the
 * forecasters should recover.
 */
record SyntheticCenter(
        LocalDate firstDay,
        int intervalMinutes,
        double dailyBase,
        double dailyGrowth,
        int stepDay,
        double stepFactor,
        HolidayCalendar holidays) {

    static final double[] WEEKDAY_FACTOR = {1.35, 1.10, 1.00, 0.95, 1.05, 0.45, 0.30}; // Monday first
    static final double HOLIDAY_FACTOR = 0.25;

    /** Growing 0.4 % a day, no step. */
    static SyntheticCenter growing(LocalDate firstDay, HolidayCalendar holidays) {
        return new SyntheticCenter(firstDay, 30, 3000, 0.004, Integer.MAX_VALUE, 1, holidays);
    }

    /**
     * Flat, then 40 % more volume from {@code stepDay} on (a new product launch, a merged queue); a
     * larger center so that the models differ by more than the Poisson noise.
     */
    static SyntheticCenter stepping(LocalDate firstDay, int stepDay) {
        return new SyntheticCenter(firstDay, 30, 20000, 0, stepDay, 1.4, HolidayCalendar.none());
    }

    int perDay() {
        return 1440 / intervalMinutes;
    }

    double expected(int day, int interval) {
        LocalDate date = firstDay.plusDays(day);
        double level = dailyBase * (1 + dailyGrowth * day) * (day >= stepDay ? stepFactor : 1);
        double value = level * WEEKDAY_FACTOR[date.getDayOfWeek().getValue() - 1] * shape(interval);
        return holidays.isHoliday(date) ? value * HOLIDAY_FACTOR : value;
    }

    private double shape(int interval) {
        double sum = 0;
        for (int i = 0; i < perDay(); i++) {
            sum += rawShape(i);
        }
        return rawShape(interval) / sum;
    }

    private double rawShape(int interval) {
        double hour = (interval + 0.5) * intervalMinutes / 60.0;
        return Math.exp(-Math.pow((hour - 10.5) / 1.8, 2)) + 0.8 * Math.exp(-Math.pow((hour - 14.5) / 2.2, 2)) + 0.01;
    }

    IntervalHistory expectedHistory(int fromDay, int days) {
        double[] values = new double[days * perDay()];
        for (int day = 0; day < days; day++) {
            for (int interval = 0; interval < perDay(); interval++) {
                values[day * perDay() + interval] = expected(fromDay + day, interval);
            }
        }
        return new IntervalHistory(firstDay.plusDays(fromDay), intervalMinutes, values);
    }

    IntervalHistory observed(int days, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days * perDay()];
        for (int day = 0; day < days; day++) {
            for (int interval = 0; interval < perDay(); interval++) {
                values[day * perDay() + interval] = poisson(expected(day, interval), random);
            }
        }
        return new IntervalHistory(firstDay, intervalMinutes, values);
    }

    private static double poisson(double mean, Random random) {
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
