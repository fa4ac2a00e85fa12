package io.sangdam.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The waiting-contact heap against a sorted list, over random adds, removals from anywhere (which
 * leave tombstones and trigger compaction) and takes from the top, with kept-away agents.
 */
class WaitingContactsTest {

    @Test
    void agreesWithASortedListUnderRandomChurn() {
        RoutingEngine engine =
                RoutingEngine.start(RoutingConfiguration.of(QueueDefinition.queue("q", Channel.VOICE)), Center.START);
        engine.apply(new RoutingCommand.AgentLoggedIn(AgentProfile.agent("kim")));
        Agent kim = engine.knownAgents().iterator().next();
        Agent other = new Agent(99, AgentId.of("other"), AgentProfile.agent("other"));
        ContactQueue queue = new ContactQueue(0, QueueDefinition.queue("q", Channel.VOICE));
        queue.pools = new Pool[1][1];
        Pool pool = new Pool(0, queue, 0, new SkillId[0], new int[0], Set.of(), null, 0, new PoolHeads(1));
        queue.pools[0][0] = pool;
        WaitingContacts heap = pool.waiting;
        List<Contact> model = new ArrayList<>();
        Comparator<Contact> order = (a, b) -> WaitingContacts.before(a, b) ? -1 : WaitingContacts.before(b, a) ? 1 : 0;
        Random random = new Random(3);
        long sequence = 0;
        for (int step = 0; step < 40_000; step++) {
            int roll = random.nextInt(10);
            if (roll < 5 || model.isEmpty()) {
                Contact contact = new Contact(
                        ContactId.of("c" + sequence),
                        sequence++,
                        Channel.VOICE,
                        0,
                        Set.of(),
                        random.nextInt(1000),
                        0,
                        queue);
                contact.key = random.nextInt(4);
                if (random.nextInt(8) == 0) {
                    contact.exclude(random.nextBoolean() ? kim : other);
                }
                heap.add(contact);
                model.add(contact);
            } else if (roll < 8) {
                Contact contact = model.remove(random.nextInt(model.size()));
                heap.remove(contact);
            } else {
                model.sort(order);
                Contact expected = model.stream()
                        .filter(contact -> !contact.excludes(kim))
                        .findFirst()
                        .orElse(null);
                int position = heap.bestFor(kim);
                Contact actual = position < 0 ? null : heap.contactAt(position);
                assertThat(actual).as("step %d", step).isSameAs(expected);
                if (actual != null) {
                    heap.remove(actual);
                    model.remove(actual);
                }
            }
            assertThat(heap.size()).isEqualTo(model.size());
        }
    }
}
