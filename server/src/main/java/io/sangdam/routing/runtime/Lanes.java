package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.AgentGroupId;
import io.sangdam.engine.routing.ContactAttribute;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dedicated lanes (전담 창구): a contact with one of these attributes is offered only to agents
 * who hold the lane's skill, at any level. The lane is the agent group of that name, and an agent
 * is in it when they log in with the skill, so granting or taking the skill moves an agent in or
 * out of the lane at their next log-in.
 *
 * <p>Hazard: replay rebuilds agents from their logged skills with this mapping, so renaming a lane
 * skill changes how an old log replays. The skill codes are the ones the demo and the admin pages
 * create; add lanes, do not rename them.
 */
final class Lanes {

    static final Map<ContactAttribute, String> SKILL_OF_LANE = Map.of(
            ContactAttribute.FLAGGED_ABUSIVE, "FLAGGED_CUSTOMER",
            ContactAttribute.ACCESSIBILITY, "ACCESSIBILITY",
            ContactAttribute.SENIOR, "SENIOR",
            ContactAttribute.VIP, "VIP");

    private Lanes() {}

    /** The engine's lane configuration: each attribute to the group named after its skill. */
    static Map<ContactAttribute, AgentGroupId> groups() {
        Map<ContactAttribute, AgentGroupId> lanes = new EnumMap<>(ContactAttribute.class);
        SKILL_OF_LANE.forEach((attribute, skill) -> lanes.put(attribute, AgentGroupId.of(skill)));
        return lanes;
    }

    /** The lane groups an agent with these skills belongs to. */
    static Set<String> of(Set<String> skills) {
        Set<String> groups = new TreeSet<>(skills);
        groups.retainAll(SKILL_OF_LANE.values());
        return groups;
    }
}
