package io.sangdam.routing;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterSettingsSection;
import io.sangdam.identity.CenterSettingsView;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How a center's agents leave wrap-up (ADR 0021), as a section of the center-settings page. */
@Component
class WrapUpRuleSection implements CenterSettingsSection {

    static final String SECTION = "wrap-up";

    private final CenterRoutingRules rules;

    WrapUpRuleSection(CenterRoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return SECTION;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "routing-settings.wrap-up";
    }

    @Override
    public boolean shownTo(CurrentUser user) {
        return user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR);
    }

    @Override
    public CenterSettingsView view(CurrentUser user, Center center) {
        return new CenterSettingsView(
                "routing/wrap-up-settings",
                "section",
                Map.of("rule", rules.wrapUpRule(center.id()), "rules", List.of(WrapUpRule.values())));
    }
}
