/**
 * A load driver for the live contact path: thousands of customers and agents over real HTTP
 * connections against a running server on loopback. See docs/performance.md ("Live contact path:
 * load") and bench/scripts/load.
 */
@NullMarked
package io.sangdam.bench.load;

import org.jspecify.annotations.NullMarked;
