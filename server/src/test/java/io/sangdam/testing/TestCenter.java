package io.sangdam.testing;

import io.sangdam.identity.Role;
import io.sangdam.identity.StaffMember;
import io.sangdam.identity.TestAccounts;
import io.sangdam.routing.TestRoutingSetup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * A partner center of one test class's own: its chat queues, its agents with skills, and whoever
 * else the test signs in as (supervisor, manager, or headquarters people such as the protection
 * team), every name unique to this test run. All test classes share one server and one database,
 * so a test that routes only in its own center cannot take another test's contact or offer its
 * contact to another test's agent, and needs no comment about what other tests leave alone. Made
 * through the identity and routing modules' services, as an administrator would; the center's
 * first queue starts its routing.
 *
 * <pre>{@code
 * center = TestCenter.in(context, "panel")
 *         .chatQueue("RETENTION", "RETENTION", 3)
 *         .agent("agent", Map.of("RETENTION", 5))
 *         .person("supervisor", Role.SUPERVISOR)
 *         .create();
 * api.get("/api/me", center.username("agent"), TestCenter.PASSWORD, "ko");
 * }</pre>
 *
 * @param id the center's id
 * @param code its unique code
 * @param name its unique name
 * @param people everyone made for it by the key the test gave, with their unique usernames
 */
public record TestCenter(long id, String code, String name, Map<String, StaffMember> people) {

    /** Every fixture account's password. */
    public static final String PASSWORD = TestAccounts.PASSWORD;

    private static final AtomicInteger CENTERS = new AtomicInteger();

    // Tells this run's names from a run before it on the same database, should a database be kept.
    private static final String RUN =
            Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);

    public TestCenter {
        people = Map.copyOf(people);
    }

    /** A center to set up for a test class, named after the label (up to 16 small letters and digits). */
    public static Builder in(ApplicationContext context, String label) {
        return new Builder(context, label);
    }

    /** The person the test named by this key. */
    public StaffMember person(String key) {
        StaffMember person = people.get(key);
        if (person == null) {
            throw new IllegalArgumentException("no one called " + key + " in " + code + ": " + people.keySet());
        }
        return person;
    }

    public String username(String key) {
        return person(key).username();
    }

    public long accountId(String key) {
        return person(key).id();
    }

    public static final class Builder {

        private record Queue(String code, String name, String nameEnglish, String skill, int minimumLevel) {}

        private record Person(
                String key,
                @Nullable String team,
                Set<Role> roles,
                Map<String, Integer> skills,
                boolean headquarters) {}

        private final ApplicationContext context;
        private final String label;
        private final List<Queue> queues = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private @Nullable Integer chatCapacity;

        private Builder(ApplicationContext context, String label) {
            if (!label.matches("[a-z][a-z0-9]{0,15}")) {
                throw new IllegalArgumentException("a label of up to 16 small letters and digits: " + label);
            }
            this.context = context;
            this.label = label;
        }

        /** A chat queue whose contacts need the skill at this level; the code is the chat's topic. */
        public Builder chatQueue(String code, String skill, int minimumLevel) {
            return chatQueue(code, code + " (" + label + ")", skill, minimumLevel);
        }

        /** A chat queue with the name customers and agents see (in Korean and English alike). */
        public Builder chatQueue(String code, String name, String skill, int minimumLevel) {
            return chatQueue(code, name, name, skill, minimumLevel);
        }

        /** A chat queue with its Korean and English names. */
        public Builder chatQueue(String code, String name, String nameEnglish, String skill, int minimumLevel) {
            queues.add(new Queue(code, name, nameEnglish, skill, minimumLevel));
            return this;
        }

        /** An agent of no team with these skills (code to level). */
        public Builder agent(String key, Map<String, Integer> skills) {
            return agent(key, null, skills);
        }

        /** An agent of a team (as supervisors see them) with these skills (code to level). */
        public Builder agent(String key, @Nullable String team, Map<String, Integer> skills) {
            return add(new Person(key, team, EnumSet.of(Role.AGENT), Map.copyOf(skills), false));
        }

        /** Someone of this center with these roles (an agent so made holds no skill). */
        public Builder person(String key, Role role, Role... more) {
            return add(new Person(key, null, EnumSet.of(role, more), Map.of(), false));
        }

        /** Someone of this center's team with these roles, such as the team's supervisor. */
        public Builder teamPerson(String key, String team, Role role, Role... more) {
            return add(new Person(key, team, EnumSet.of(role, more), Map.of(), false));
        }

        /** Someone of headquarters with these roles (the protection team, an executive), who sees every center. */
        public Builder headquartersPerson(String key, Role role, Role... more) {
            return add(new Person(key, null, EnumSet.of(role, more), Map.of(), true));
        }

        /** Every agent's own chat capacity (otherwise the center's default). */
        public Builder chatCapacity(int capacity) {
            this.chatCapacity = capacity;
            return this;
        }

        private Builder add(Person person) {
            if (people.stream().anyMatch(p -> p.key().equals(person.key()))) {
                throw new IllegalArgumentException("two people called " + person.key());
            }
            if (!person.key().matches("[a-z][a-z0-9]{0,19}")) {
                throw new IllegalArgumentException("a key of up to 20 small letters and digits: " + person.key());
            }
            people.add(person);
            return this;
        }

        public TestCenter create() {
            if (queues.isEmpty() && people.stream().anyMatch(p -> !p.skills().isEmpty())) {
                // Skills are applied to the center's live engine, which its first queue starts.
                throw new IllegalStateException("agents with skills need a queue in their center");
            }
            var accounts = new TestAccounts(context);
            var routing = new TestRoutingSetup(context);
            String prefix = "t" + CENTERS.incrementAndGet() + RUN + "-" + label;
            // The counter in front keeps the code unique when the label is cut to the column's 20 characters.
            String code = prefix.substring(0, Math.min(prefix.length(), 20)).toUpperCase(Locale.ROOT);
            String name = "시험센터 " + code;
            long id = accounts.partnerCenter(code, name);
            Long headquarters = null;
            Map<String, StaffMember> made = new LinkedHashMap<>();
            Map<StaffMember, Map<String, Integer>> skills = new LinkedHashMap<>();
            for (Person person : people) {
                long center = id;
                if (person.headquarters()) {
                    if (headquarters == null) {
                        headquarters = accounts.headquarters();
                    }
                    center = headquarters;
                }
                StaffMember member = accounts.account(
                        prefix + "." + person.key(), label + " " + person.key(), center, person.team(), person.roles());
                made.put(person.key(), member);
                if (!person.skills().isEmpty()) {
                    skills.put(member, person.skills());
                }
            }
            // The first queue starts the center's routing; agents' skills then reach the running engine.
            for (Queue queue : queues) {
                routing.chatQueue(
                        id, queue.code(), queue.name(), queue.nameEnglish(), queue.skill(), queue.minimumLevel());
            }
            if (!skills.isEmpty()) {
                routing.agents(id, skills, chatCapacity);
            }
            return new TestCenter(id, code, name, made);
        }
    }
}
