package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterSettingsSection;
import io.sangdam.identity.CenterSettingsView;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A center's web chat settings as a section of the center-settings page; its form posts to
 * {@link ChatSettingsPages}. Not the controller itself: that one is secured as a whole, and the
 * page asks its sections their order while it is built, with nobody signed in.
 */
@Component
class ChatSettingsSection implements CenterSettingsSection {

    static final String SECTION = "chat";

    private final ChatSettings settings;

    ChatSettingsSection(ChatSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return SECTION;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "chat-settings.title";
    }

    @Override
    public boolean shownTo(CurrentUser user) {
        return user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR);
    }

    @Override
    public CenterSettingsView view(CurrentUser user, Center center) {
        return new CenterSettingsView(
                "channel/chat-settings",
                "section",
                Map.of(
                        "setting",
                        settings.of(center.id()),
                        "minimum",
                        ChatSettings.MINIMUM_CUSTOMER_GONE_SECONDS,
                        "maximum",
                        ChatSettings.MAXIMUM_CUSTOMER_GONE_SECONDS,
                        "zone",
                        center.timeZone()));
    }
}
