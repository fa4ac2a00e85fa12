/**
 * JMH benchmarks for the queueing math: one staffing answer at 10,000 agents, a week of intervals for
 * fifty queues, and a textbook factorial Erlang C beside them to show where it breaks. Commands and
 * figures in {@code docs/performance.md}.
 */
@NullMarked
package io.sangdam.bench.queueing;

import org.jspecify.annotations.NullMarked;
