package io.sangdam.routing;

import io.sangdam.routing.demo.DemoRoutingStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The demo skills' and queues' writes, on routing's tables (the demo sub-package cannot see them). */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoRoutingTables implements DemoRoutingStore {

    private final Skills skills;
    private final RoutingQueues queues;

    DemoRoutingTables(Skills skills, RoutingQueues queues) {
        this.skills = skills;
        this.queues = queues;
    }

    @Override
    public boolean hasSkills() {
        return !skills.isEmpty();
    }

    @Override
    public long addSkill(String code, String nameKorean, String nameEnglish) {
        return skills.add(code, nameKorean, nameEnglish);
    }

    @Override
    public void grant(long agentId, long skillId, int level) {
        skills.grant(agentId, skillId, level);
    }

    @Override
    public boolean hasQueues() {
        return !queues.isEmpty();
    }

    @Override
    public void addQueue(
            long centerId,
            String code,
            String name,
            String nameEnglish,
            String channel,
            String requiredSkill,
            int minimumLevel,
            int wrapUpSeconds) {
        queues.add(centerId, code, name, nameEnglish, channel, requiredSkill, minimumLevel, wrapUpSeconds);
    }
}
