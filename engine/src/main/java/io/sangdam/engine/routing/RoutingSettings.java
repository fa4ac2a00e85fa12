package io.sangdam.engine.routing;

import java.time.Duration;

/**
 * Engine-wide rules.
 *
 * @param offerTimeout an offer not answered within this is missed (counts like a decline)
 * @param missedOffersInARow after this many missed offers in a row an agent goes not-ready with
 *     reason {@link #MISSED_OFFERS}
 * @param recoveryBreak the break an agent gets after ending a contact for abuse; routing offers
 *     nothing during it
 * @param reofferDelay how long a contact is kept away from an agent who missed it; without it a
 *     contact could bounce between one agent and itself, with it a contact whose only eligible agent
 *     declined still gets that agent back later instead of waiting forever
 */
public record RoutingSettings(
        Duration offerTimeout, int missedOffersInARow, Duration recoveryBreak, Duration reofferDelay) {

    public static final String MISSED_OFFERS = "missed offers";

    public static final RoutingSettings DEFAULTS =
            new RoutingSettings(Duration.ofSeconds(15), 2, Duration.ofMinutes(10), Duration.ofSeconds(30));
}
