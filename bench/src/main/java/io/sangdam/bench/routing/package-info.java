/** JMH benchmarks of the routing engine; see docs/performance.md for how to run them. */
@NullMarked
package io.sangdam.bench.routing;

import org.jspecify.annotations.NullMarked;
