package io.sangdam.routing;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Staff;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "routing", description = "Skills and the agents who hold them")
class RoutingApi {

    private final SkillDirectory skills;
    private final Staff staff;
    private final CurrentUsers currentUsers;

    RoutingApi(SkillDirectory skills, Staff staff, CurrentUsers currentUsers) {
        this.skills = skills;
        this.staff = staff;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/skills")
    @Operation(summary = "All skills")
    List<Skill> skills() {
        return skills.all();
    }

    @GetMapping("/agents/{agentId}/skills")
    @Operation(summary = "The skills of one agent; agents of other centers only for headquarters roles")
    List<AgentSkill> agentSkills(@PathVariable long agentId) {
        CurrentUser user = currentUsers.require();
        var agent = staff.find(agentId).orElseThrow(() -> RequestRejected.notFound("unknown-account", agentId));
        if (!user.canSee(agent.centerId())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        return skills.ofAgent(agentId);
    }
}
