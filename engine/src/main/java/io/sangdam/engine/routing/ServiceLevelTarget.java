package io.sangdam.engine.routing;

import java.time.Duration;

/** "{@code fraction} of contacts answered within {@code within}", e.g. 80 % in 20 s. */
public record ServiceLevelTarget(double fraction, Duration within) {
    public static final ServiceLevelTarget EIGHTY_IN_TWENTY = new ServiceLevelTarget(0.8, Duration.ofSeconds(20));
}
