package io.sangdam.routing;

import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The skills in use and who holds them, as pages and other modules read them. */
@Service
public class SkillDirectory {

    private final Skills skills;
    private final Staff staff;

    SkillDirectory(Skills skills, Staff staff) {
        this.skills = skills;
        this.staff = staff;
    }

    public List<Skill> all() {
        return skills.all();
    }

    public List<AgentSkill> ofAgent(long agentId) {
        return skills.ofAgent(agentId);
    }

    /** How many agents of a center hold each skill, at which levels: what a supervisor plans with. */
    public record SkillCoverage(Skill skill, int agents, double averageLevel, int[] agentsPerLevel) {}

    public List<SkillCoverage> coverage(long centerId) {
        List<Long> agentIds = staff.inCenter(centerId).stream()
                .filter(m -> m.enabled() && m.has(Role.AGENT))
                .map(StaffMember::id)
                .toList();
        Map<Long, List<AgentSkill>> bySkill = new LinkedHashMap<>();
        for (Skill skill : skills.all()) {
            bySkill.put(skill.id(), new ArrayList<>());
        }
        for (AgentSkill held : skills.ofAgents(agentIds)) {
            bySkill.computeIfAbsent(held.skill().id(), id -> new ArrayList<>()).add(held);
        }
        List<SkillCoverage> coverage = new ArrayList<>();
        for (Skill skill : skills.all()) {
            List<AgentSkill> holders = bySkill.getOrDefault(skill.id(), List.of());
            int[] perLevel = new int[AgentSkill.MAXIMUM_LEVEL + 1];
            holders.forEach(h -> perLevel[h.level()]++);
            double average =
                    holders.stream().mapToInt(AgentSkill::level).average().orElse(0);
            coverage.add(new SkillCoverage(skill, holders.size(), average, perLevel));
        }
        return coverage;
    }
}
