package io.sangdam.engine.forecast;

/**
 * History or settings a forecast cannot be made from (negative counts, an interval length that does
 * not divide a day, too few weeks to back-test, ...). Names the offending field and carries a stable
 * code, like the queueing package's exception.
 */
public final class InvalidForecastInputException extends IllegalArgumentException {

    private final String field;

    public InvalidForecastInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String code() {
        return "forecast.invalid-input";
    }
}
