package io.sangdam.routing;

import io.sangdam.identity.StaffMember;
import io.sangdam.routing.QueueSettings.Requirement;
import io.sangdam.routing.RoutingAdministration.AgentChange;
import io.sangdam.routing.RoutingAdministration.QueueForm;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * Skills, queues and agents' skills for tests, through {@link RoutingAdministration} as a manager's
 * changes go: checked, stored, and applied to the center's live engine (a center's first queue
 * starts its routing).
 */
public final class TestRoutingSetup {

    private final RoutingAdministration administration;
    private final Skills skills;

    public TestRoutingSetup(ApplicationContext context) {
        this.administration = context.getBean(RoutingAdministration.class);
        this.skills = context.getBean(Skills.class);
    }

    /**
     * Skills are shared by all centers (a code names the same skill everywhere), so a test uses the
     * code it means and makes it only if nobody did yet; holding a skill in one center gives nothing
     * in another.
     */
    public synchronized void skill(String code) {
        if (skills.find(code).isEmpty()) {
            administration.addSkill(code, code, code);
        }
    }

    /** A chat queue taking agents with the skill at the minimum level, with a new queue's defaults otherwise. */
    public long chatQueue(long centerId, String code, String name, String nameEnglish, String skill, int minimumLevel) {
        skill(skill);
        var form = new QueueForm(
                code,
                name,
                nameEnglish,
                "CHAT",
                List.of(new Requirement(skill, minimumLevel)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return administration.createQueue(centerId, form).id();
    }

    /** Each agent's skills (code to level) and own chat capacity (null: the center's default), in one change. */
    public void agents(long centerId, Map<StaffMember, Map<String, Integer>> levels, @Nullable Integer chatCapacity) {
        levels.values().forEach(held -> held.keySet().forEach(this::skill));
        administration.setAgents(
                centerId,
                levels.entrySet().stream()
                        .map(e -> new AgentChange(e.getKey(), e.getValue(), chatCapacity))
                        .toList());
    }
}
