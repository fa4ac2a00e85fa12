/**
 * JMH benchmarks for abuse detection: customer messages classified per second on one thread with
 * the full default lexicon (goal from issue 6: at least 10,000 per core). Commands and figures in
 * {@code docs/performance.md}.
 */
@NullMarked
package io.sangdam.bench.protection;

import org.jspecify.annotations.NullMarked;
