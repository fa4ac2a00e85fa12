package io.sangdam.engine.forecast;

import java.util.List;

/**
 * The forecast of the method with the lowest back-test WAPE, refitted on the whole history, and every
 * method's score so the planner sees why.
 */
public record ForecastChoice(IntervalForecast forecast, String chosenMethod, List<BacktestScore> scores) {

    public ForecastChoice {
        scores = List.copyOf(scores);
    }
}
