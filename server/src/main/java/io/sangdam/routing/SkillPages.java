package io.sangdam.routing;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'WFM_PLANNER', 'QA_EVALUATOR', 'ADMINISTRATOR', 'EXECUTIVE',"
        + " 'PROTECTION_TEAM')")
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
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.visibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("coverage", skills.coverage(chosen.id()));
        return "routing/skills";
    }
}
