/**
 * Queueing math for staffing (적정인원 산정): Erlang B, Erlang C (M/M/c), Erlang A (M/M/c+M), the
 * staffing solver and shrinkage.
 *
 * <p>Everything here is computed in log space or with scaled recursions so that it stays exact and
 * finite for tens of thousands of agents; nothing uses factorials or powers of the load. Rates are
 * per second and durations are in seconds, as plain {@code double}s, because this code sits in tight
 * loops (a week of intervals for fifty queues). See {@code docs/queueing.md} for the formulas.
 */
@NullMarked
package io.sangdam.engine.queueing;

import org.jspecify.annotations.NullMarked;
