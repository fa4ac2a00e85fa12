package io.sangdam.engine.forecast;

/**
 * How a method did on held-back weeks: WAPE = Σ |actual − forecast| / Σ actual over the held-back
 * intervals, holidays left out (every method forecasts them the same way).
 */
public record BacktestScore(String method, int heldBackWeeks, double weightedAbsolutePercentageError) {}
