package io.sangdam.protection;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** Abusive contacts: the protection team sees every center, a center manager or supervisor their own. */
@Controller
@PreAuthorize("hasAnyRole('PROTECTION_TEAM', 'CENTER_MANAGER', 'SUPERVISOR')")
class IncidentPages {

    private final Incidents incidents;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;
    private final Clock clock;

    IncidentPages(Incidents incidents, CenterDirectory centers, CurrentUsers currentUsers, JsonMapper json, Clock clock) {
        this.incidents = incidents;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/incidents")
    String list(Model model) {
        CurrentUser user = currentUsers.require();
        Long scope = user.seesAllCenters() ? null : user.centerId();
        Map<Long, String> names = centers.all().stream().collect(Collectors.toMap(Center::id, Center::name));
        var counts = incidents.countsSince(clock.instant().minus(Duration.ofDays(30))).stream()
                .filter(c -> scope == null || c.centerId() == scope).toList();
        model.addAttribute("incidents", incidents.recent(scope, 100));
        model.addAttribute("canRegister", user.has(io.sangdam.identity.Role.PROTECTION_TEAM));
        model.addAttribute("centerNames", names);
        model.addAttribute("counts", counts);
        model.addAttribute("countsJson", json.writeValueAsString(counts.stream().map(c -> Map.of(
                "center", names.getOrDefault(c.centerId(), String.valueOf(c.centerId())), "category", c.category(),
                "incidents", c.incidents())).toList()));
        return "protection/incidents";
    }

}
