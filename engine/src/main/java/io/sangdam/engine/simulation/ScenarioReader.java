package io.sangdam.engine.simulation;

import io.sangdam.engine.routing.AgentGroupId;
import io.sangdam.engine.routing.AgentProfile;
import io.sangdam.engine.routing.BusinessHours;
import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.ContactAttribute;
import io.sangdam.engine.routing.OverflowAction;
import io.sangdam.engine.routing.QueueDefinition;
import io.sangdam.engine.routing.QueueId;
import io.sangdam.engine.routing.RoutingConfiguration;
import io.sangdam.engine.routing.RoutingSettings;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.engine.routing.SkillId;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file (JSON). See docs/engine.md and the example in
 * {@code src/main/resources/scenarios/small-center.json} for every field; unknown fields are an
 * error, so a typo does not silently fall back to a default.
 */
public final class ScenarioReader {
    private ScenarioReader() {}

    /** The scenario and the zone its times are shown in. */
    public record ScenarioFile(Scenario scenario, ZoneId zone) {}

    public static ScenarioFile read(String json) {
        Map<String, Object> root = object(JsonReader.read(json), "scenario");
        allow(
                root,
                "scenario",
                "start",
                "zone",
                "intervalMinutes",
                "intervals",
                "seed",
                "shortAbandonSeconds",
                "settings",
                "lanes",
                "queues",
                "staffing");
        OffsetDateTime start = OffsetDateTime.parse(text(root, "start"));
        ZoneId zone = root.containsKey("zone") ? ZoneId.of(text(root, "zone")) : start.getOffset();
        int intervalMinutes = (int) number(root, "intervalMinutes", 30);
        int intervals = (int) number(root, "intervals", 48);
        RoutingSettings settings = RoutingSettings.DEFAULTS;
        if (root.containsKey("settings")) {
            Map<String, Object> given = object(root.get("settings"), "settings");
            allow(
                    given,
                    "settings",
                    "offerTimeoutSeconds",
                    "missedOffersInARow",
                    "recoveryBreakSeconds",
                    "reofferDelaySeconds");
            settings = new RoutingSettings(
                    seconds(number(
                            given,
                            "offerTimeoutSeconds",
                            settings.offerTimeout().toSeconds())),
                    (int) number(given, "missedOffersInARow", settings.missedOffersInARow()),
                    seconds(number(
                            given,
                            "recoveryBreakSeconds",
                            settings.recoveryBreak().toSeconds())),
                    seconds(number(
                            given,
                            "reofferDelaySeconds",
                            settings.reofferDelay().toSeconds())));
        }
        Map<ContactAttribute, AgentGroupId> lanes = new EnumMap<>(ContactAttribute.class);
        if (root.containsKey("lanes")) {
            for (Map.Entry<String, Object> lane :
                    object(root.get("lanes"), "lanes").entrySet()) {
                lanes.put(ContactAttribute.valueOf(lane.getKey()), AgentGroupId.of((String) lane.getValue()));
            }
        }
        List<QueueDefinition> queues = new ArrayList<>();
        List<Demand> demand = new ArrayList<>();
        for (Object item : list(root, "queues")) {
            Map<String, Object> queue = object(item, "queue");
            allow(
                    queue,
                    "queue",
                    "id",
                    "channel",
                    "skills",
                    "groups",
                    "priority",
                    "agingPerMinute",
                    "serviceLevel",
                    "strategy",
                    "wrapUpSeconds",
                    "overflow",
                    "hours",
                    "demand");
            QueueDefinition definition = QueueDefinition.queue(
                            text(queue, "id"), Channel.valueOf(text(queue, "channel")))
                    .withPriority((int) number(queue, "priority", 0))
                    .agingPerMinute(number(queue, "agingPerMinute", 1))
                    .choosing(SelectionStrategy.valueOf(
                            queue.containsKey("strategy") ? text(queue, "strategy") : "LONGEST_IDLE"))
                    .withWrapUp(seconds(number(queue, "wrapUpSeconds", 0)));
            if (queue.containsKey("skills")) {
                for (Map.Entry<String, Object> skill :
                        object(queue.get("skills"), "skills").entrySet()) {
                    definition = definition.requiring(skill.getKey(), ((Double) skill.getValue()).intValue());
                }
            }
            if (queue.containsKey("groups")) {
                for (Object group : list(queue, "groups")) {
                    definition = definition.forGroup((String) group);
                }
            }
            if (queue.containsKey("serviceLevel")) {
                Map<String, Object> target = object(queue.get("serviceLevel"), "serviceLevel");
                definition = definition.withServiceLevel(
                        number(target, "percent", 80) / 100.0, seconds(number(target, "seconds", 20)));
            }
            if (queue.containsKey("hours")) {
                Map<String, Object> hours = object(queue.get("hours"), "hours");
                LocalTime opens = LocalTime.parse(text(hours, "opens"));
                LocalTime closes = LocalTime.parse(text(hours, "closes"));
                String days = hours.containsKey("days") ? text(hours, "days") : "every";
                definition = definition.open(
                        days.equals("weekdays")
                                ? BusinessHours.weekdays(zone, opens, closes)
                                : BusinessHours.every(zone, opens, closes));
            }
            if (queue.containsKey("overflow")) {
                for (Object stepItem : list(queue, "overflow")) {
                    Map<String, Object> step = object(stepItem, "overflow step");
                    allow(step, "overflow step", "afterSeconds", "lowerMinimumLevel", "widenToGroup", "moveToQueue");
                    Duration after = seconds(number(step, "afterSeconds", Double.NaN));
                    OverflowAction action;
                    if (step.containsKey("lowerMinimumLevel")) {
                        Map<String, Object> lower = object(step.get("lowerMinimumLevel"), "lowerMinimumLevel");
                        action = new OverflowAction.LowerMinimumLevel(
                                SkillId.of(text(lower, "skill")), (int) number(lower, "level", Double.NaN));
                    } else if (step.containsKey("widenToGroup")) {
                        action = new OverflowAction.WidenToGroup(AgentGroupId.of(text(step, "widenToGroup")));
                    } else {
                        action = new OverflowAction.MoveToQueue(QueueId.of(text(step, "moveToQueue")));
                    }
                    definition = definition.overflowAfter(after, action);
                }
            }
            queues.add(definition);
            if (queue.containsKey("demand")) {
                demand.add(demand(definition.id(), object(queue.get("demand"), "demand"), intervals));
            }
        }
        List<Staffing> staffing = new ArrayList<>();
        for (Object item : list(root, "staffing")) {
            Map<String, Object> group = object(item, "staffing");
            allow(
                    group,
                    "staffing",
                    "name",
                    "agents",
                    "skills",
                    "groups",
                    "capacity",
                    "voiceAlongsideOtherWork",
                    "shiftStart",
                    "shiftHours",
                    "absenteeism");
            AgentProfile profile = AgentProfile.agent("template");
            if (group.containsKey("skills")) {
                for (Map.Entry<String, Object> skill :
                        object(group.get("skills"), "skills").entrySet()) {
                    profile = profile.withSkill(skill.getKey(), ((Double) skill.getValue()).intValue());
                }
            }
            if (group.containsKey("groups")) {
                for (Object name : list(group, "groups")) {
                    profile = profile.inGroup((String) name);
                }
            }
            if (group.containsKey("capacity")) {
                for (Map.Entry<String, Object> capacity :
                        object(group.get("capacity"), "capacity").entrySet()) {
                    profile = profile.withCapacity(
                            Channel.valueOf(capacity.getKey()), ((Double) capacity.getValue()).intValue());
                }
            }
            if (Boolean.TRUE.equals(group.get("voiceAlongsideOtherWork"))) {
                profile = profile.voiceAlongsideOtherWork();
            }
            LocalTime shiftStart = LocalTime.parse(text(group, "shiftStart"));
            staffing.add(new Staffing(
                    text(group, "name"),
                    (int) number(group, "agents", Double.NaN),
                    profile,
                    Duration.ofSeconds(shiftStart.toSecondOfDay()),
                    Duration.ofMinutes((long) (number(group, "shiftHours", 8) * 60)),
                    number(group, "absenteeism", 0)));
        }
        RoutingConfiguration routing = new RoutingConfiguration(queues, lanes, settings);
        Scenario scenario = new Scenario(
                start.toInstant(),
                Duration.ofMinutes(intervalMinutes),
                intervals,
                (long) number(root, "seed", 1),
                seconds(number(root, "shortAbandonSeconds", 5)),
                routing,
                demand,
                staffing);
        return new ScenarioFile(scenario, zone);
    }

    private static Demand demand(QueueId queue, Map<String, Object> demand, int intervals) {
        allow(demand, "demand", "contactsPerDay", "curve", "handling", "patience", "seniorShare");
        double[] curve = new double[intervals];
        if (demand.containsKey("curve")) {
            List<Object> weights = list(demand, "curve");
            if (weights.size() != intervals) {
                throw new IllegalArgumentException("demand curve of " + queue + " has " + weights.size()
                        + " weights for " + intervals + " intervals");
            }
            for (int i = 0; i < intervals; i++) {
                curve[i] = (Double) weights.get(i);
            }
        } else {
            java.util.Arrays.fill(curve, 1);
        }
        return new Demand(
                queue,
                number(demand, "contactsPerDay", Double.NaN),
                curve,
                distribution(object(demand.get("handling"), "handling")),
                distribution(object(demand.get("patience"), "patience")),
                number(demand, "seniorShare", 0));
    }

    /** {"exponential": {"meanSeconds": 180}}, {"lognormal": {...}} or {"empirical": [..seconds..]}. */
    private static Distribution distribution(Map<String, Object> given) {
        if (given.size() != 1) {
            throw new IllegalArgumentException("a distribution has exactly one kind: " + given.keySet());
        }
        Map.Entry<String, Object> kind = given.entrySet().iterator().next();
        return switch (kind.getKey().toLowerCase(Locale.ROOT)) {
            case "exponential" ->
                new Distribution.Exponential(number(object(kind.getValue(), "exponential"), "meanSeconds", Double.NaN));
            case "lognormal" -> {
                Map<String, Object> parameters = object(kind.getValue(), "lognormal");
                yield new Distribution.LogNormal(
                        number(parameters, "meanSeconds", Double.NaN),
                        number(parameters, "standardDeviationSeconds", Double.NaN));
            }
            case "empirical" -> {
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) kind.getValue();
                double[] seconds = new double[values.size()];
                for (int i = 0; i < seconds.length; i++) {
                    seconds[i] = (Double) values.get(i);
                }
                yield new Distribution.Empirical(seconds);
            }
            default -> throw new IllegalArgumentException("unknown distribution " + kind.getKey());
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException(field + " must be a JSON array");
        }
        return (List<Object>) list;
    }

    private static String text(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof String value)) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value;
    }

    /** A number field; {@code fallback} NaN means the field is required. */
    private static double number(Map<String, Object> object, String field, double fallback) {
        Object value = object.get(field);
        if (value == null) {
            if (Double.isNaN(fallback)) {
                throw new IllegalArgumentException(field + " is required");
            }
            return fallback;
        }
        if (!(value instanceof Double number)) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return number;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static void allow(Map<String, Object> object, String what, String... fields) {
        Map<String, Boolean> allowed = new HashMap<>();
        for (String field : fields) {
            allowed.put(field, true);
        }
        for (String key : object.keySet()) {
            if (!allowed.containsKey(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "' in " + what);
            }
        }
    }
}
