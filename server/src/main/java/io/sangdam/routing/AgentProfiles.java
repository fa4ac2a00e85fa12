package io.sangdam.routing;

import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.routing.runtime.AgentLogIns;
import io.sangdam.routing.runtime.RoutingRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What routing knows of an agent at log-in: skills and levels, chat capacity, team. Read fresh every time. */
@Component
class AgentProfiles implements AgentLogIns {

    private final Skills skills;
    private final CenterRoutingRules rules;
    private final Staff staff;

    AgentProfiles(Skills skills, CenterRoutingRules rules, Staff staff) {
        this.skills = skills;
        this.rules = rules;
        this.staff = staff;
    }

    RoutingRequest.LogIn logIn(StaffMember agent) {
        Map<String, Integer> levels = new HashMap<>();
        skills.ofAgent(agent.id()).forEach(held -> levels.put(held.skill().code(), held.level()));
        return new RoutingRequest.LogIn(
                agent.username(),
                levels,
                chatCapacity(agent),
                agent.team() == null ? List.of() : List.of(agent.team()));
    }

    @Override
    public Optional<RoutingRequest.LogIn> logIn(String username) {
        return staff.findByUsername(username).map(this::logIn);
    }

    int chatCapacity(StaffMember agent) {
        return rules.agentCapacity(agent.id()).orElseGet(() -> rules.centerCapacity(agent.centerId()));
    }
}
