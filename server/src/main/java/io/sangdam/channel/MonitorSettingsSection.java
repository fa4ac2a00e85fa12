package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterSettingsSection;
import io.sangdam.identity.CenterSettingsView;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The monitoring list's colours for "waiting for an answer", as a section of the center-settings page. */
@Component
class MonitorSettingsSection implements CenterSettingsSection {

    static final String SECTION = "monitor";

    private final MonitorSettings settings;

    MonitorSettingsSection(MonitorSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return SECTION;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "monitor.settings";
    }

    /** Only the center's manager sets them (POST /monitor/settings), as before the page was one. */
    @Override
    public boolean shownTo(CurrentUser user) {
        return user.has(Role.CENTER_MANAGER);
    }

    @Override
    public CenterSettingsView view(CurrentUser user, Center center) {
        return new CenterSettingsView(
                "channel/monitor-settings",
                "section",
                Map.of("answerWait", settings.answerWait(center.id()), "maximum", MonitorSettings.MAXIMUM_SECONDS));
    }
}
