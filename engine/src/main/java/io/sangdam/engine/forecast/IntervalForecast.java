package io.sangdam.engine.forecast;

import java.time.LocalDate;

/**
 * Forecast contacts per interval, in the same shape as {@link IntervalHistory}, made by {@code
 * method}. Values are expected contacts (fractional), never negative.
 */
public record IntervalForecast(String method, IntervalHistory values) {

    public LocalDate firstDay() {
        return values.firstDay();
    }

    public int days() {
        return values.days();
    }

    public double contacts(int dayIndex, int interval) {
        return values.contacts(dayIndex, interval);
    }
}
