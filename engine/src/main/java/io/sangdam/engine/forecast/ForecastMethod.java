package io.sangdam.engine.forecast;

/**
 * A way to forecast interval volume from history.
 *
 * <p>Holidays, for every method: holiday days are left out of the fit (their volume says nothing
 * about ordinary days), and a holiday in the horizon is forecast with the method's Sunday pattern for
 * that date (Sunday's weekday level and Sunday's intraday shape). Korean centers run weekend staffing
 * on 설날 and 추석, and their volume looks like a Sunday's; a profile learnt from past holidays would
 * need several years of them (설날 and 추석 come once a year each).
 */
public sealed interface ForecastMethod permits HoltWinters, WeekdayProfile {

    /** Short name for tables, e.g. "holt-winters". */
    String name();

    /** Forecasts {@code days} whole days following the last day of {@code history}. */
    IntervalForecast forecast(IntervalHistory history, HolidayCalendar holidays, int days);
}
