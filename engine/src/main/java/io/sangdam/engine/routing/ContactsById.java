package io.sangdam.engine.routing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The live contacts by id: open addressing with linear probing over one array of contacts, each
 * contact carrying its own {@link Contact#idHash}. A lookup reads a slot and then the contact it
 * wanted anyway, where a {@link java.util.HashMap} reads its table, a node and then the contact: in a
 * busy center each of those is a cache miss, on every command that names a contact. The table is
 * kept at most a quarter full, so a probe rarely reads a contact it did not want.
 *
 * <p>Hazard: a contact must be in the table at most once, and removed by {@link #remove} (which
 * shifts later entries back rather than leaving markers, so probes stay short).
 */
final class ContactsById {
    private Contact[] slots = new Contact[64];
    private int size;

    /** Spreads a {@link ContactId#hashCode()} over all bits, so ids like "c1", "c2" do not cluster. */
    static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }

    @Nullable
    Contact get(ContactId id) {
        int hash = spread(id.hashCode());
        Contact[] table = slots;
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Contact contact = table[i];
            if (contact == null) {
                return null;
            }
            if (contact.idHash == hash && (contact.id == id || contact.id.equals(id))) {
                return contact;
            }
        }
    }

    boolean contains(ContactId id) {
        return get(id) != null;
    }

    /** Adds a contact whose id is not in the table. */
    void add(Contact contact) {
        if (4 * (size + 1) > slots.length) {
            grow();
        }
        insert(slots, contact);
        size++;
    }

    private static void insert(Contact[] table, Contact contact) {
        int mask = table.length - 1;
        int i = contact.idHash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = contact;
    }

    private void grow() {
        Contact[] bigger = new Contact[slots.length * 2];
        for (Contact contact : slots) {
            if (contact != null) {
                insert(bigger, contact);
            }
        }
        slots = bigger;
    }

    void remove(Contact contact) {
        Contact[] table = slots;
        int mask = table.length - 1;
        int hole = contact.idHash & mask;
        while (table[hole] != contact) {
            if (table[hole] == null) {
                throw new IllegalStateException("contact " + contact.id + " is not known");
            }
            hole = (hole + 1) & mask;
        }
        // Backward shift: move up every later entry of the cluster whose home slot is not between the
        // hole and itself, so no probe for it crosses an empty slot.
        for (int i = (hole + 1) & mask; table[i] != null; i = (i + 1) & mask) {
            int home = table[i].idHash & mask;
            boolean stays = hole < i ? home > hole && home <= i : home > hole || home <= i;
            if (!stays) {
                table[hole] = table[i];
                hole = i;
            }
        }
        table[hole] = null;
        size--;
    }

    int size() {
        return size;
    }

    /** How many live contacts match, without copying them. */
    int count(java.util.function.Predicate<Contact> matching) {
        int count = 0;
        for (Contact contact : slots) {
            if (contact != null && matching.test(contact)) {
                count++;
            }
        }
        return count;
    }

    /** A copy of the live contacts, in no particular order (allocates; for reading and tests). */
    List<Contact> values() {
        List<Contact> values = new ArrayList<>(size);
        for (Contact contact : slots) {
            if (contact != null) {
                values.add(contact);
            }
        }
        return values;
    }
}
