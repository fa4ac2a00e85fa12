package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One page for a center's settings: a section per module that owns some (docs/adr/0026). The page
 * knows none of them; it chooses the center and shows the sections the user may see, each of which
 * saves on its own through its module's endpoint.
 */
@Controller
class CenterSettingsPage {

    /** What the page hands each section's fragment: its heading and anchor, and its own view. */
    record Shown(String id, String titleKey, CenterSettingsView view) {}

    private final List<CenterSettingsSection> sections;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    CenterSettingsPage(List<CenterSettingsSection> sections, CenterDirectory centers, CurrentUsers currentUsers) {
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(CenterSettingsSection::order))
                .toList();
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/centers/settings")
    String show(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        List<CenterSettingsSection> mine =
                sections.stream().filter(s -> s.shownTo(user)).toList();
        if (mine.isEmpty()) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        Center chosen = centers.chooseFor(user, center);
        if (chosen.isHeadquarters()) {
            // Headquarters routes no chats: its settings would do nothing, so there is nothing to set.
            throw RequestRejected.notFound("unknown-center", chosen.id());
        }
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute(
                "sections",
                mine.stream()
                        .map(s -> new Shown(s.id(), s.titleKey(), s.view(user, chosen)))
                        .toList());
        return "identity/center-settings";
    }

    @Configuration(proxyBeanMethods = false)
    static class Link {

        @Bean
        NavigationLink centerSettingsLink() {
            return new NavigationLink(
                    215,
                    "/centers/settings",
                    "nav.center-settings",
                    java.util.Set.of(Role.CENTER_MANAGER, Role.ADMINISTRATOR));
        }
    }
}
