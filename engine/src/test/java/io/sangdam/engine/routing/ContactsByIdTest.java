package io.sangdam.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contact table against a HashMap under random adds and removals, with colliding ids. */
class ContactsByIdTest {

    @Test
    void agreesWithAHashMapUnderRandomChurn() {
        ContactQueue queue = new ContactQueue(0, QueueDefinition.queue("q", Channel.VOICE));
        queue.pools = new Pool[1][1];
        queue.pools[0][0] = new Pool(0, queue, 0, new SkillId[0], new int[0], Set.of(), null, 0, new PoolHeads(1));
        ContactsById table = new ContactsById();
        Map<ContactId, Contact> model = new HashMap<>();
        List<ContactId> known = new ArrayList<>();
        Random random = new Random(5);
        for (int step = 0; step < 200_000; step++) {
            // "Aa" and "BB" have the same String hash: ids built from them collide in pairs.
            ContactId id = ContactId.of((random.nextBoolean() ? "Aa" : "BB") + random.nextInt(3_000));
            Contact present = model.get(id);
            if (present == null && random.nextInt(3) != 0) {
                Contact contact = new Contact(ContactId.of(id.value()), step, Channel.VOICE, 0, Set.of(), 0, 0, queue);
                table.add(contact);
                model.put(id, contact);
                known.add(id);
            } else if (present != null && random.nextBoolean()) {
                table.remove(present);
                model.remove(id);
            }
            ContactId probe = known.isEmpty() ? id : known.get(random.nextInt(known.size()));
            assertThat(table.get(ContactId.of(probe.value())))
                    .as("step %d", step)
                    .isSameAs(model.get(probe));
            assertThat(table.size()).isEqualTo(model.size());
        }
        assertThat(table.values()).containsExactlyInAnyOrderElementsOf(model.values());
    }
}
