/**
 * Sangdam's engine: the parts of a contact center that are pure computation (routing, queueing
 * math, simulation, forecasting). Plain Java with no framework, so each part can be read, tested
 * and benchmarked alone; time always comes from an injected clock.
 */
@NullMarked
package io.sangdam.engine;

import org.jspecify.annotations.NullMarked;
