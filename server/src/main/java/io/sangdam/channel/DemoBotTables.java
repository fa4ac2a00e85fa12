package io.sangdam.channel;

import io.sangdam.channel.demo.DemoBotStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The demo's bot setting, on channel's table. */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoBotTables implements DemoBotStore {

    private final BotSettings settings;

    DemoBotTables(BotSettings settings) {
        this.settings = settings;
    }

    @Override
    public void enableUnlessChosen(long centerId) {
        settings.enableUnlessChosen(centerId);
    }
}
