package io.sangdam.routing;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'WFM_PLANNER', 'QA_EVALUATOR', 'ADMINISTRATOR', 'EXECUTIVE', 'PROTECTION_TEAM')")
class SkillPages {

    private final SkillDirectory skills;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    SkillPages(SkillDirectory skills, CenterDirectory centers, CurrentUsers currentUsers) {
        this.skills = skills;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/skills")
    String coverage(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        List<Center> visible = centers.visibleTo(user);
        Center chosen = center == null
                ? visible.stream().filter(c -> !c.isHeadquarters()).findFirst().orElse(visible.getFirst())
                : centers.get(center);
        if (!user.canSee(chosen.id())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        model.addAttribute("centers", visible);
        model.addAttribute("center", chosen);
        model.addAttribute("coverage", skills.coverage(chosen.id()));
        return "routing/skills";
    }
}
