package io.sangdam.bench.routing;

import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.ContactAttribute;
import io.sangdam.engine.routing.OverflowAction;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.RoutingSettings;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.engine.routing.SkillId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark center: {@code queues} voice queues over {@code skills} skills. Queue i needs skill
 * {@code i % skills} at level {@code 1 + i % 5} and relaxes it to 1 after 60 s; every agent has six
 * random skills at random levels; a senior lane exists. Seeded, so every run builds the same center.
 */
final class LargeCenter {
    static final Instant START = Instant.parse("2026-11-24T00:00:00Z");

    private LargeCenter() {}

    static RoutingConfiguration configuration(int queues, int skills) {
        List<QueueDefinition> definitions = new ArrayList<>();
        SelectionStrategy[] strategies = SelectionStrategy.values();
        for (int i = 0; i < queues; i++) {
            String skill = "s" + (i % skills);
            definitions.add(QueueDefinition.queue("q" + i, Channel.VOICE)
                    .requiring(skill, 1 + i % 5)
                    .withPriority(i % 3)
                    .choosing(strategies[i % strategies.length])
                    .overflowAfter(Duration.ofSeconds(60), new OverflowAction.LowerMinimumLevel(SkillId.of(skill), 1)));
        }
        return new RoutingConfiguration(
                definitions,
                Map.of(ContactAttribute.SENIOR, io.sangdam.engine.routing.AgentGroupId.of("senior")),
                RoutingSettings.DEFAULTS);
    }

    static List<AgentProfile> agents(int count, int skills, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AgentProfile> profiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AgentProfile profile =
                    AgentProfile.agent("a" + i).withCapacity(Channel.CHAT, 0).withCapacity(Channel.EMAIL, 0);
            for (int k = 0; k < 6; k++) {
                profile = profile.withSkill("s" + random.nextInt(skills), 1 + random.nextInt(10));
            }
            if (random.nextInt(10) == 0) {
                profile = profile.inGroup("senior");
            }
            profiles.add(profile);
        }
        return profiles;
    }
}
