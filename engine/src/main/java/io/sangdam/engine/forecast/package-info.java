/**
 * Volume forecasting from interval history: two seasonal methods (additive Holt-Winters with a
 * weekly season, and a weekday × interval profile with a linear trend), a holiday calendar the
 * center edits (설날, 추석 and its own days), back-tests on held-back weeks scored by WAPE, and an
 * automatic choice of the better method. See {@code docs/queueing.md}.
 */
@NullMarked
package io.sangdam.engine.forecast;

import org.jspecify.annotations.NullMarked;
