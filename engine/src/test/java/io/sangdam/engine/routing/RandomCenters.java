package io.sangdam.engine.routing;

import io.sangdam.engine.routing.RoutingCommand.AgentBecameReady;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedIn;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedOut;
import io.sangdam.engine.routing.RoutingCommand.AgentWentNotReady;
import io.sangdam.engine.routing.RoutingCommand.ClockAdvanced;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.ContactEnded;
import io.sangdam.engine.routing.RoutingCommand.MoveRequested;
import io.sangdam.engine.routing.RoutingCommand.OfferAccepted;
import io.sangdam.engine.routing.RoutingCommand.OfferDeclined;
import io.sangdam.engine.routing.RoutingCommand.TransferRequested;
import io.sangdam.engine.routing.RoutingCommand.WrapUpEnded;
import io.sangdam.engine.routing.RoutingSnapshot.AgentView;
import io.sangdam.engine.routing.RoutingSnapshot.ContactStatus;
import io.sangdam.engine.routing.RoutingSnapshot.ContactView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random but reproducible centers and command logs for the property tests. Commands are drawn by
 * looking at the engine's state (so most are meaningful: accepting what is offered, ending what is
 * assigned), with a share of nonsense that the engine must reject.
 */
final class RandomCenters {
    static final String[] SKILLS = {"cards", "loans", "insurance"};
    static final String[] GROUPS = {"seoul", "busan"};
    static final int AGENTS = 8;

    private RandomCenters() {}

    static RoutingConfiguration configuration(Random random) {
        List<QueueDefinition> queues = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Channel channel = random.nextInt(3) == 0 ? Channel.CHAT : Channel.VOICE;
            QueueDefinition queue = QueueDefinition.queue("q" + i, channel)
                    .withPriority(random.nextInt(3))
                    .agingPerMinute(random.nextInt(3))
                    .choosing(SelectionStrategy.values()[random.nextInt(SelectionStrategy.values().length)])
                    .withWrapUp(Duration.ofSeconds(random.nextInt(3) * 10L));
            String skill = SKILLS[random.nextInt(SKILLS.length)];
            int level = 1 + random.nextInt(10);
            queue = queue.requiring(skill, level);
            if (random.nextBoolean()) {
                queue = queue.forGroup(GROUPS[random.nextInt(GROUPS.length)]);
            }
            long after = 0;
            if (random.nextBoolean()) {
                after += 5 + random.nextInt(40);
                queue = queue.overflowAfter(
                        Duration.ofSeconds(after),
                        new OverflowAction.LowerMinimumLevel(SkillId.of(skill), 1 + random.nextInt(level)));
            }
            if (random.nextBoolean()) {
                after += 5 + random.nextInt(40);
                queue = queue.overflowAfter(
                        Duration.ofSeconds(after),
                        new OverflowAction.WidenToGroup(AgentGroupId.of(GROUPS[random.nextInt(GROUPS.length)])));
            }
            queues.add(queue);
        }
        // A move needs a target on the same channel; add it afterwards so every target exists.
        for (int i = 0; i < queues.size(); i++) {
            QueueDefinition queue = queues.get(i);
            for (int j = 0; j < queues.size(); j++) {
                if (i != j && queues.get(j).channel() == queue.channel() && random.nextInt(3) == 0) {
                    long last = queue.overflow().isEmpty()
                            ? 0
                            : queue.overflow().getLast().after().toSeconds();
                    queues.set(
                            i,
                            queue.overflowAfter(
                                    Duration.ofSeconds(last + 10 + random.nextInt(60)),
                                    new OverflowAction.MoveToQueue(queues.get(j).id())));
                    break;
                }
            }
        }
        RoutingSettings settings = new RoutingSettings(
                Duration.ofSeconds(5 + random.nextInt(15)),
                1 + random.nextInt(3),
                Duration.ofSeconds(30 + random.nextInt(60)),
                Duration.ofSeconds(5 + random.nextInt(30)));
        return new RoutingConfiguration(queues, Map.of(ContactAttribute.SENIOR, AgentGroupId.of("senior")), settings);
    }

    static AgentProfile profile(Random random, String id) {
        AgentProfile profile = AgentProfile.agent(id);
        for (String skill : SKILLS) {
            if (random.nextInt(3) > 0) {
                profile = profile.withSkill(skill, 1 + random.nextInt(10));
            }
        }
        for (String group : GROUPS) {
            if (random.nextBoolean()) {
                profile = profile.inGroup(group);
            }
        }
        if (random.nextInt(4) == 0) {
            profile = profile.inGroup("senior");
        }
        profile = profile.withCapacity(Channel.CHAT, random.nextInt(4));
        if (random.nextInt(4) == 0) {
            profile = profile.voiceAlongsideOtherWork();
        }
        return profile;
    }

    /** Draws one command from the engine's current state. Some are invalid on purpose. */
    static RoutingCommand next(Random random, RoutingEngine engine, int[] contactCounter) {
        RoutingSnapshot snapshot = engine.snapshot();
        List<QueueDefinition> queues = engine.configuration().queues();
        int roll = random.nextInt(100);
        if (roll < 22) {
            long millis = random.nextInt(4) == 0 ? 1 + random.nextInt(60_000) : random.nextInt(8_000);
            return new ClockAdvanced(snapshot.now().plusMillis(millis));
        }
        if (roll < 42) {
            QueueDefinition queue = queues.get(random.nextInt(queues.size()));
            Channel channel = random.nextInt(30) == 0 ? Channel.EMAIL : queue.channel();
            ContactArrived arrived = ContactArrived.of(
                            "c" + contactCounter[0]++, queue.id().value(), channel)
                    .withPriority(random.nextInt(3));
            if (random.nextInt(6) == 0) {
                arrived = arrived.withAttributes(ContactAttribute.SENIOR);
            }
            if (random.nextInt(6) == 0) {
                arrived = arrived.preferring("a" + random.nextInt(AGENTS + 1), Duration.ofSeconds(random.nextInt(40)));
            }
            if (random.nextInt(8) == 0) {
                arrived = arrived.arrivedOriginallyAt(snapshot.now().minusSeconds(random.nextInt(300)));
            }
            return arrived;
        }
        List<ContactView> offered = with(snapshot, ContactStatus.OFFERED);
        List<ContactView> assigned = with(snapshot, ContactStatus.ASSIGNED);
        if (roll < 60 && !offered.isEmpty()) {
            ContactView contact = offered.get(random.nextInt(offered.size()));
            AgentId agent = random.nextInt(15) == 0 ? AgentId.of("a" + random.nextInt(AGENTS)) : contact.agent();
            return random.nextInt(4) == 0
                    ? new OfferDeclined(agent, contact.id())
                    : new OfferAccepted(agent, contact.id());
        }
        if (roll < 75 && !snapshot.contacts().isEmpty()) {
            List<ContactView> pickFrom = !assigned.isEmpty() && random.nextBoolean() ? assigned : snapshot.contacts();
            ContactView contact = pickFrom.get(random.nextInt(pickFrom.size()));
            // Some ends hold the agent in wrap-up until WrapUpEnded, as a center that waits for the record does.
            return new ContactEnded(contact.id(), random.nextInt(8) == 0, random.nextInt(3) == 0);
        }
        if (roll < 79 && !snapshot.contacts().isEmpty()) {
            ContactView contact =
                    snapshot.contacts().get(random.nextInt(snapshot.contacts().size()));
            QueueId to = queues.get(random.nextInt(queues.size())).id();
            if (random.nextInt(3) == 0) {
                return new TransferRequested(
                        contact.id(),
                        to,
                        AgentId.of("a" + random.nextInt(AGENTS + 1)),
                        Duration.ofSeconds(random.nextInt(40)),
                        random.nextBoolean());
            }
            return random.nextBoolean() ? new TransferRequested(contact.id(), to) : new MoveRequested(contact.id(), to);
        }
        String agent = "a" + random.nextInt(AGENTS);
        AgentView view = find(snapshot, agent);
        int what = random.nextInt(10);
        if (view == null || view.state() instanceof AgentState.Offline || what == 0) {
            if (random.nextInt(20) == 0) {
                return new AgentLoggedIn(profile(random, agent).withSkill("cards", random.nextBoolean() ? 11 : 0));
            }
            return new AgentLoggedIn(profile(random, agent), random.nextInt(5) == 0 ? "logging in" : null);
        }
        return switch (what) {
            case 1, 2 -> new AgentWentNotReady(AgentId.of(agent), random.nextInt(10) == 0 ? "" : "break");
            case 3 -> new AgentLoggedOut(AgentId.of(agent));
            case 4 ->
                random.nextInt(4) == 0
                        ? new RoutingCommand.RecoveryExtended(
                                AgentId.of(agent), java.time.Duration.ofSeconds(1 + random.nextInt(900)))
                        : new WrapUpEnded(AgentId.of(agent));
            case 5 ->
                new OfferAccepted(
                        AgentId.of(agent), ContactId.of("c" + random.nextInt(Math.max(1, contactCounter[0]))));
            default -> new AgentBecameReady(AgentId.of(agent));
        };
    }

    /** Commands that end every contact still known, so "every contact ends once" can be checked. */
    static List<RoutingCommand> drain(RoutingEngine engine) {
        List<RoutingCommand> commands = new ArrayList<>();
        for (ContactView contact : engine.snapshot().contacts()) {
            commands.add(new ContactEnded(contact.id(), false));
        }
        return commands;
    }

    private static List<ContactView> with(RoutingSnapshot snapshot, ContactStatus status) {
        List<ContactView> found = new ArrayList<>();
        for (ContactView contact : snapshot.contacts()) {
            if (contact.status() == status) {
                found.add(contact);
            }
        }
        return found;
    }

    private static AgentView find(RoutingSnapshot snapshot, String agent) {
        for (AgentView view : snapshot.agents()) {
            if (view.id().value().equals(agent)) {
                return view;
            }
        }
        return null;
    }

    static Set<String> idsOf(List<ContactView> contacts) {
        Set<String> ids = new HashSet<>();
        for (ContactView contact : contacts) {
            ids.add(contact.id().value());
        }
        return ids;
    }

    static final Instant START = Center.START;
}
