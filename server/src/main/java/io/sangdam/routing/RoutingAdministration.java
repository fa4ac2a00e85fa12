package io.sangdam.routing;

import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingRejected;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.QueueSettings.OpeningDay;
import io.sangdam.routing.QueueSettings.Overflow;
import io.sangdam.routing.QueueSettings.OverflowKind;
import io.sangdam.routing.QueueSettings.Requirement;
import io.sangdam.routing.runtime.EngineConfiguration;
import io.sangdam.routing.runtime.RoutingHost;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to routing as a center's manager or an administrator makes them: queues, skills, agent
 * skills, not-ready reasons and chat capacities. Each change is checked in full (a stable problem
 * code per mistake), stored, and applied to the live engine in the same transaction, so a change the
 * engine refuses is not kept.
 */
@Service
class RoutingAdministration {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");
    static final int MAXIMUM_SKILLS_PER_QUEUE = 5;
    static final int MAXIMUM_OVERFLOW_STEPS = 5;
    static final int MAXIMUM_CHAT_CAPACITY = 5;

    /** A queue as the form or the API sends it; missing numbers take the defaults of a new queue. */
    record QueueForm(
            @Nullable String code,
            @Nullable String name,
            @Nullable String nameEnglish,
            @Nullable String channel,
            @Nullable List<Requirement> skills,
            @Nullable String agentGroup,
            @Nullable Integer priority,
            @Nullable Double serviceLevelPercent,
            @Nullable Integer serviceLevelSeconds,
            @Nullable String strategy,
            @Nullable List<Overflow> overflow,
            @Nullable Integer wrapUpSeconds,
            @Nullable Boolean limitedHours,
            @Nullable List<OpeningDay> hours,
            @Nullable List<LocalDate> closedDays) {}

    private final RoutingQueues queues;
    private final Skills skills;
    private final CenterRoutingRules rules;
    private final Staff staff;
    private final RoutingHost host;
    private final TransactionTemplate transaction;
    private final RoutingForwarding forwarding;

    RoutingAdministration(
            RoutingQueues queues,
            Skills skills,
            CenterRoutingRules rules,
            Staff staff,
            RoutingHost host,
            TransactionTemplate transaction,
            RoutingForwarding forwarding) {
        this.forwarding = forwarding;
        this.queues = queues;
        this.skills = skills;
        this.rules = rules;
        this.staff = staff;
        this.host = host;
        this.transaction = transaction;
    }

    // ------------------------------------------------------------------ queues

    QueueSettings createQueue(long centerId, QueueForm form) {
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw RequestRejected.badRequest("invalid-code", code);
        }
        if (queues.of(centerId).stream().anyMatch(q -> q.code().equals(code))) {
            throw RequestRejected.conflict("duplicate-queue-code", code);
        }
        String channel = form.channel() == null ? "CHAT" : form.channel();
        if (java.util.Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
            throw RequestRejected.badRequest("unknown-channel", channel);
        }
        QueueSettings checked = check(centerId, code, channel, form, null);
        return changing(centerId, () -> queues.find(queues.create(checked)).orElseThrow());
    }

    QueueSettings updateQueue(long queueId, QueueForm form) {
        QueueSettings existing =
                queues.find(queueId).orElseThrow(() -> RequestRejected.notFound("unknown-queue", queueId));
        if (form.channel() != null && !form.channel().equals(existing.channel())) {
            throw RequestRejected.badRequest("queue-channel-fixed", existing.channel());
        }
        QueueSettings checked = check(existing.centerId(), existing.code(), existing.channel(), form, existing);
        return changing(existing.centerId(), () -> {
            queues.update(queueId, checked);
            return queues.find(queueId).orElseThrow();
        });
    }

    private QueueSettings check(
            long centerId, String code, String channel, QueueForm form, @Nullable QueueSettings existing) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw RequestRejected.badRequest("queue-name-required");
        }
        String nameEnglish = form.nameEnglish() == null || form.nameEnglish().isBlank()
                ? null
                : form.nameEnglish().strip();
        if (nameEnglish != null && nameEnglish.length() > 100) {
            throw RequestRejected.badRequest("queue-name-required");
        }
        List<Requirement> requirements = form.skills() == null
                ? List.of()
                : form.skills().stream()
                        .filter(r -> r.skill() != null && !r.skill().isBlank())
                        .toList();
        if (requirements.isEmpty() || requirements.size() > MAXIMUM_SKILLS_PER_QUEUE) {
            throw RequestRejected.badRequest("queue-skills-count", MAXIMUM_SKILLS_PER_QUEUE);
        }
        Map<String, Skill> known = new HashMap<>();
        skills.all().forEach(s -> known.put(s.code(), s));
        Set<String> seen = new HashSet<>();
        for (Requirement requirement : requirements) {
            Skill skill = known.get(requirement.skill());
            boolean keptFromBefore = existing != null
                    && existing.requirements().stream().anyMatch(r -> r.skill().equals(requirement.skill()));
            if (skill == null || (!skill.active() && !keptFromBefore)) {
                throw RequestRejected.badRequest("unknown-skill", requirement.skill());
            }
            level(requirement.minimumLevel());
            if (!seen.add(requirement.skill())) {
                throw RequestRejected.badRequest("duplicate-queue-skill", requirement.skill());
            }
        }
        String group = form.agentGroup() == null || form.agentGroup().isBlank()
                ? null
                : form.agentGroup().strip();
        if (group != null && group.length() > 30) {
            throw RequestRejected.badRequest("invalid-agent-group", group);
        }
        int priority = within("priority", form.priority(), existing == null ? 0 : existing.priority(), 0, 100);
        double percent = form.serviceLevelPercent() == null
                ? (existing == null ? 80 : existing.serviceLevelPercent())
                : form.serviceLevelPercent();
        if (!(percent > 0 && percent <= 100)) {
            throw RequestRejected.badRequest("number-out-of-range", "serviceLevelPercent", 1, 100);
        }
        int seconds = within(
                "serviceLevelSeconds",
                form.serviceLevelSeconds(),
                existing == null ? 20 : existing.serviceLevelSeconds(),
                1,
                3600);
        int wrapUp = within(
                "wrapUpSeconds", form.wrapUpSeconds(), existing == null ? 30 : existing.wrapUpSeconds(), 0, 3600);
        String strategy =
                form.strategy() == null ? (existing == null ? "LONGEST_IDLE" : existing.strategy()) : form.strategy();
        if (java.util.Arrays.stream(SelectionStrategy.values())
                .noneMatch(s -> s.name().equals(strategy))) {
            throw RequestRejected.badRequest("unknown-strategy", strategy);
        }
        List<Overflow> overflow = checkOverflow(
                centerId, code, channel, requirements, form.overflow() == null ? List.of() : form.overflow());
        if (group == null && overflow.stream().anyMatch(o -> o.kind() == OverflowKind.WIDEN_TO_GROUP)) {
            // Widening means nothing to a queue every agent may already take.
            throw RequestRejected.badRequest("overflow-widen-without-group");
        }
        boolean limited = Boolean.TRUE.equals(form.limitedHours());
        List<OpeningDay> hours = form.hours() == null ? List.of() : form.hours();
        Set<Integer> days = new HashSet<>();
        for (OpeningDay day : hours) {
            if (day.dayOfWeek() < 1
                    || day.dayOfWeek() > 7
                    || !days.add(day.dayOfWeek())
                    || day.opens() == null
                    || day.closes() == null
                    || (!day.closes().equals(LocalTime.MIDNIGHT) && !day.opens().isBefore(day.closes()))) {
                throw RequestRejected.badRequest("invalid-opening-hours", day.dayOfWeek());
            }
        }
        List<LocalDate> closed = form.closedDays() == null
                ? List.of()
                : form.closedDays().stream().distinct().sorted().toList();
        if (closed.size() > 366) {
            throw RequestRejected.badRequest("too-many-closed-days", 366);
        }
        QueueSettings checked = new QueueSettings(
                existing == null ? 0 : existing.id(),
                centerId,
                code,
                name,
                nameEnglish,
                channel,
                requirements,
                group,
                priority,
                percent,
                seconds,
                strategy,
                overflow,
                wrapUp,
                limited,
                hours,
                closed);
        // The engine's own checks, on the whole center as it would be: nothing it refuses is stored.
        List<QueueSettings> center = new ArrayList<>(
                queues.of(centerId).stream().filter(q -> !q.code().equals(code)).toList());
        center.add(checked);
        try {
            RoutingEngine.start(EngineConfiguration.of(center), Instant.EPOCH);
        } catch (RoutingRejected refused) {
            throw RequestRejected.badRequest("invalid-routing-configuration", refused.getMessage());
        }
        return checked;
    }

    private List<Overflow> checkOverflow(
            long centerId, String code, String channel, List<Requirement> requirements, List<Overflow> steps) {
        if (steps.size() > MAXIMUM_OVERFLOW_STEPS) {
            throw RequestRejected.badRequest("overflow-too-many-steps", MAXIMUM_OVERFLOW_STEPS);
        }
        Map<String, Integer> minimums = new HashMap<>();
        requirements.forEach(r -> minimums.put(r.skill(), r.minimumLevel()));
        int previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            Overflow step = steps.get(i);
            if (step.kind() == null || step.target() == null || step.target().isBlank()) {
                throw RequestRejected.badRequest("overflow-incomplete", i + 1);
            }
            if (step.afterSeconds() <= previous || step.afterSeconds() > 86_400) {
                throw RequestRejected.badRequest("overflow-times-increasing", i + 1);
            }
            previous = step.afterSeconds();
            switch (step.kind()) {
                case LOWER_LEVEL -> {
                    Integer current = minimums.get(step.target());
                    if (current == null) {
                        throw RequestRejected.badRequest("overflow-skill-not-required", step.target());
                    }
                    int lowered = level(step.level());
                    if (lowered >= current) {
                        throw RequestRejected.badRequest("overflow-level-not-lower", step.target(), current);
                    }
                    minimums.put(step.target(), lowered);
                }
                case WIDEN_TO_GROUP -> {
                    if (step.target().length() > 30) {
                        throw RequestRejected.badRequest("invalid-agent-group", step.target());
                    }
                }
                case MOVE_TO_QUEUE -> {
                    if (i != steps.size() - 1) {
                        throw RequestRejected.badRequest("overflow-move-not-last");
                    }
                    QueueSettings target = queues.of(centerId).stream()
                            .filter(q -> q.code().equals(step.target()))
                            .findFirst()
                            .orElseThrow(() -> RequestRejected.badRequest("overflow-unknown-queue", step.target()));
                    if (target.code().equals(code) || !target.channel().equals(channel)) {
                        throw RequestRejected.badRequest("overflow-unknown-queue", step.target());
                    }
                }
            }
        }
        return steps.stream()
                .map(s -> new Overflow(
                        s.afterSeconds(),
                        s.kind(),
                        s.target().strip(),
                        s.kind() == OverflowKind.LOWER_LEVEL ? s.level() : null))
                .toList();
    }

    private static int level(@Nullable Integer level) {
        if (level == null || level < AgentSkill.MINIMUM_LEVEL || level > AgentSkill.MAXIMUM_LEVEL) {
            throw RequestRejected.badRequest(
                    "skill-level-out-of-range",
                    level == null ? "" : level,
                    AgentSkill.MINIMUM_LEVEL,
                    AgentSkill.MAXIMUM_LEVEL);
        }
        return level;
    }

    private static int within(String field, @Nullable Integer value, int fallback, int minimum, int maximum) {
        int chosen = value == null ? fallback : value;
        if (chosen < minimum || chosen > maximum) {
            throw RequestRejected.badRequest("number-out-of-range", field, minimum, maximum);
        }
        return chosen;
    }

    // ------------------------------------------------------------------ skills

    Skill addSkill(@Nullable String code, @Nullable String nameKorean, @Nullable String nameEnglish) {
        String checked = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(checked).matches()) {
            throw RequestRejected.badRequest("invalid-code", checked);
        }
        if (skills.find(checked).isPresent()) {
            throw RequestRejected.conflict("duplicate-skill-code", checked);
        }
        skills.add(checked, name(nameKorean, "skill-name-required"), name(nameEnglish, "skill-name-required"));
        return skills.find(checked).orElseThrow();
    }

    Skill changeSkill(
            String code, @Nullable String nameKorean, @Nullable String nameEnglish, @Nullable Boolean active) {
        Skill skill = skills.find(code).orElseThrow(() -> RequestRejected.notFound("unknown-skill", code));
        skills.rename(
                code,
                nameKorean == null ? skill.nameKorean() : name(nameKorean, "skill-name-required"),
                nameEnglish == null ? skill.nameEnglish() : name(nameEnglish, "skill-name-required"),
                active == null ? skill.active() : active);
        return skills.find(code).orElseThrow();
    }

    /** A name of 1 to 50 characters, or the problem that says which name is missing. */
    private static String name(@Nullable String name, String problem) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 50) {
            throw RequestRejected.badRequest(problem);
        }
        return stripped;
    }

    // ------------------------------------------------------------------ agents

    /** One agent's skills (code to level) and own chat capacity (null: the center's default), replacing what they had. */
    record AgentChange(
            StaffMember agent,
            Map<String, Integer> levels,
            @Nullable Integer chatCapacity) {}

    void setAgent(StaffMember agent, Map<String, Integer> levels, @Nullable Integer chatCapacity) {
        setAgents(agent.centerId(), List.of(new AgentChange(agent, levels, chatCapacity)));
    }

    /** Saves several agents of one center at once: all checked first, then one change of the live engine. */
    void setAgents(long centerId, List<AgentChange> changes) {
        Map<String, Skill> known = new HashMap<>();
        skills.all().forEach(s -> known.put(s.code(), s));
        List<Map<Long, Integer>> byIds = new ArrayList<>();
        for (AgentChange change : changes) {
            StaffMember agent = change.agent();
            if (!agent.has(Role.AGENT) || agent.centerId() != centerId) {
                throw RequestRejected.badRequest("not-an-agent", agent.username());
            }
            Set<String> held = new HashSet<>();
            skills.ofAgent(agent.id()).forEach(h -> held.add(h.skill().code()));
            Map<Long, Integer> byId = new HashMap<>();
            change.levels().forEach((code, level) -> {
                Skill skill = known.get(code);
                if (skill == null || (!skill.active() && !held.contains(code))) {
                    throw RequestRejected.badRequest("unknown-skill", code);
                }
                byId.put(skill.id(), level(level));
            });
            if (change.chatCapacity() != null) {
                capacity(change.chatCapacity());
            }
            byIds.add(byId);
        }
        changing(centerId, () -> {
            for (int i = 0; i < changes.size(); i++) {
                skills.replace(changes.get(i).agent().id(), byIds.get(i));
                rules.setAgentCapacity(
                        changes.get(i).agent().id(), changes.get(i).chatCapacity());
            }
            return null;
        });
    }

    void setCenterCapacity(long centerId, @Nullable Integer chatCapacity) {
        int checked = capacity(chatCapacity);
        changing(centerId, () -> {
            rules.setCenterCapacity(centerId, checked);
            return null;
        });
    }

    private static int capacity(@Nullable Integer capacity) {
        if (capacity == null || capacity < 1 || capacity > MAXIMUM_CHAT_CAPACITY) {
            throw RequestRejected.badRequest(
                    "chat-capacity-out-of-range", capacity == null ? "" : capacity, 1, MAXIMUM_CHAT_CAPACITY);
        }
        return capacity;
    }

    StaffMember agentOf(long agentId) {
        return staff.find(agentId).orElseThrow(() -> RequestRejected.notFound("unknown-account", agentId));
    }

    // ------------------------------------------------------------------ not-ready reasons

    void addReason(long centerId, @Nullable String nameKorean, @Nullable String nameEnglish) {
        String korean = name(nameKorean, "reason-name-required");
        String english =
                nameEnglish == null || nameEnglish.isBlank() ? korean : name(nameEnglish, "reason-name-required");
        if (rules.reasons(centerId).stream().anyMatch(r -> r.nameKorean().equals(korean))) {
            throw RequestRejected.conflict("duplicate-not-ready-reason", korean);
        }
        rules.addReason(centerId, korean, english);
    }

    void setReasonActive(long centerId, long reasonId, boolean active) {
        if (rules.setReasonActive(centerId, reasonId, active) == 0) {
            throw RequestRejected.notFound("unknown-not-ready-reason", reasonId);
        }
    }

    /**
     * How the center's agents leave wrap-up. Not an engine setting: each contact's end carries what
     * the rule said then (docs/engine.md), so a change applies from the next end, without a checkpoint.
     */
    WrapUpRule setWrapUpRule(long centerId, @Nullable String rule) {
        WrapUpRule chosen = java.util.Arrays.stream(WrapUpRule.values())
                .filter(known -> known.name().equals(rule))
                .findFirst()
                .orElseThrow(() -> RequestRejected.badRequest("unknown-wrap-up-rule", rule == null ? "" : rule));
        rules.setWrapUpRule(centerId, chosen);
        return chosen;
    }

    /**
     * Stores a change and applies it to the center's live engine, all or nothing. When another node
     * routes the center, that node is told once the change is stored, and applies it there. A center
     * nobody routed yet (its first queue) is routed by this node from now on.
     */
    private <T> T changing(long centerId, java.util.function.Supplier<T> change) {
        T changed = transaction.execute(status -> {
            T result = change.get();
            host.reconfigure(centerId);
            return result;
        });
        // After the commit: the engine starts from the stored queues, and its lease and holder row are no part of the
        // change.
        host.routeIfNew(centerId);
        forwarding.reconfigured(centerId);
        return changed;
    }

    static void forbidden() {
        throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
    }
}
