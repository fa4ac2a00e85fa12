package io.sangdam.channel.demo;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.platform.ModuleInitializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's partner centers ask the bot first (issue 18), so the shop's widget shows it; a center
 * whose manager turned it off keeps it off across restarts.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoBot implements ModuleInitializer {

    private final DemoBotStore store;
    private final CenterDirectory centers;

    DemoBot(DemoBotStore store, CenterDirectory centers) {
        this.store = store;
        this.centers = centers;
    }

    @Override
    public void initialize() {
        for (Center center : centers.all()) {
            if (!center.isHeadquarters()) {
                store.enableUnlessChosen(center.id());
            }
        }
    }
}
