/** JMH benchmarks of the simulator; see docs/performance.md for how to run them. */
@NullMarked
package io.sangdam.bench.simulation;

import org.jspecify.annotations.NullMarked;
