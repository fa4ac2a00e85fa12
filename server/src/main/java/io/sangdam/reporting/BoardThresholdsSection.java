package io.sangdam.reporting;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterSettingsSection;
import io.sangdam.identity.CenterSettingsView;
import io.sangdam.identity.CurrentUser;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The colours of a center's board and wallboard, as a section of the center-settings page. */
@Component
class BoardThresholdsSection implements CenterSettingsSection {

    static final String SECTION = "board";

    private final BoardSettings settings;

    BoardThresholdsSection(BoardSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return SECTION;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "board-settings.title";
    }

    @Override
    public boolean shownTo(CurrentUser user) {
        return WallboardPages.canSetThresholds(user);
    }

    @Override
    public CenterSettingsView view(CurrentUser user, Center center) {
        return new CenterSettingsView(
                "reporting/board-settings", "section", Map.of("thresholds", settings.thresholds(center.id())));
    }
}
