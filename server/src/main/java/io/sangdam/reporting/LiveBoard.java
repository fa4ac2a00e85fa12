package io.sangdam.reporting;

import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.AfterCommit;
import io.sangdam.platform.ClusterSignals;
import io.sangdam.platform.EventStreams;
import io.sangdam.routing.AgentStatus;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.NotReadyReasonLabels;
import io.sangdam.routing.QueueSettings;
import io.sangdam.routing.RoutedEvent;
import io.sangdam.routing.Routing;
import io.sangdam.routing.RoutingEventsOccurred;
import io.sangdam.routing.RoutingState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live board of a center: every routing decision updates the read model (offered once per
 * contact, answered within the queue's target, abandons with the short-abandon rule) and tells
 * open boards to refresh. Service level is PRODUCT.md's: answered within T / offered, abandons
 * within 5 s left out of both sides. Boards open on other server nodes refresh too
 * ({@link ClusterSignals}); the read model is in the shared database.
 */
@Service
class LiveBoard {

    static final Duration SHORT_ABANDON = Duration.ofSeconds(5);
    static final Duration INTERVAL = Duration.ofMinutes(30);

    private final LiveFigures figures;
    private final Routing routing;
    private final Staff staff;
    private final BoardSettings settings;
    private final NotReadyReasonLabels reasonLabels;
    private final Clock clock;
    static final String CHANGED_ELSEWHERE = "reporting.board-changed";

    private final Map<Long, List<SseEmitter>> boards = new ConcurrentHashMap<>();
    private final ClusterSignals cluster;
    private final EventStreams all;

    LiveBoard(
            LiveFigures figures,
            Routing routing,
            Staff staff,
            BoardSettings settings,
            NotReadyReasonLabels reasonLabels,
            Clock clock,
            ClusterSignals cluster,
            EventStreams all) {
        this.settings = settings;
        this.reasonLabels = reasonLabels;
        this.cluster = cluster;
        this.all = all;
        // Signals missed meanwhile: every open board reloads (it reads the shared database and the engine).
        cluster.receive(
                CHANGED_ELSEWHERE,
                center -> deliver(Long.parseLong(center), "changed", "1"),
                () -> boards.keySet().forEach(center -> deliver(center, "changed", "1")));
        this.figures = figures;
        this.routing = routing;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Folds what routing decided (one command's events or a whole stored batch's) into the read
     * model with a few round trips per batch rather than a few per decision: the arrivals first,
     * then the outcomes, which may be of contacts that arrived in the same batch.
     */
    @EventListener
    void routed(RoutingEventsOccurred occurred) {
        long center = occurred.center().value();
        List<LiveFigures.Arriving> arrivals = new ArrayList<>();
        List<RoutedEvent> outcomes = new ArrayList<>();
        Map<String, LiveFigures.AgentStatus> states = new LinkedHashMap<>();
        for (RoutedEvent event : occurred.events()) {
            switch (event) {
                case RoutedEvent.ContactQueued queued ->
                    arrivals.add(new LiveFigures.Arriving(
                            queued.contact().value(), queued.queue().value(), queued.at(), bucket(queued.at())));
                case RoutedEvent.ContactAssigned assigned -> outcomes.add(assigned);
                case RoutedEvent.ContactAbandoned abandoned -> outcomes.add(abandoned);
                case RoutedEvent.AgentStateChanged changed ->
                    states.put(
                            changed.agent().value(),
                            new LiveFigures.AgentStatus(
                                    changed.agent().value(), changed.status().name(), changed.at()));
                case RoutedEvent.ContactOffered offered -> {}
                case RoutedEvent.OfferMissed missed -> {}
                case RoutedEvent.ContactOverflowed overflowed -> {}
                case RoutedEvent.PreferredAgentWaitEnded waitEnded -> {}
                case RoutedEvent.ContactCompleted completed -> {}
                case RoutedEvent.ContactTransferred transferred -> {}
                case RoutedEvent.ContactTurnedAway turnedAway -> {}
                case RoutedEvent.ContactMoved moved -> {}
            }
        }
        Map<IntervalKey, LiveFigures.IntervalChange> changes = new LinkedHashMap<>();
        for (LiveFigures.Arriving first : figures.arrived(center, arrivals)) {
            change(changes, first.queue(), first.interval()).offered++;
        }
        Map<String, LiveFigures.Arrival> arrived = figures.arrivals(
                center, outcomes.stream().map(LiveBoard::contactOf).collect(Collectors.toSet()));
        for (RoutedEvent outcome : outcomes) {
            LiveFigures.Arrival arrival = arrived.get(contactOf(outcome));
            if (arrival == null) {
                continue; // arrived before the read model existed: nothing to count it against
            }
            LiveFigures.IntervalChange change = change(changes, arrival.queue(), bucket(arrival.at()));
            if (outcome instanceof RoutedEvent.ContactAssigned assigned) {
                double wait = Duration.between(assigned.originalArrival(), assigned.at())
                                .toMillis()
                        / 1000.0;
                change.answered++;
                change.answeredInTime += wait <= threshold(center, arrival.queue()) ? 1 : 0;
                change.waitSeconds += wait;
            } else if (outcome instanceof RoutedEvent.ContactAbandoned abandoned) {
                change.abandoned++;
                change.shortAbandoned += Duration.between(abandoned.originalArrival(), abandoned.at())
                                        .compareTo(SHORT_ABANDON)
                                < 0
                        ? 1
                        : 0;
            }
        }
        figures.add(center, changes.values());
        figures.agentStates(center, states.values());
        notifyBoards(center);
    }

    private record IntervalKey(String queue, Instant interval) {}

    private static LiveFigures.IntervalChange change(
            Map<IntervalKey, LiveFigures.IntervalChange> changes, String queue, Instant interval) {
        return changes.computeIfAbsent(
                new IntervalKey(queue, interval), key -> new LiveFigures.IntervalChange(queue, interval));
    }

    private static String contactOf(RoutedEvent outcome) {
        return switch (outcome) {
            case RoutedEvent.ContactAssigned assigned -> assigned.contact().value();
            case RoutedEvent.ContactAbandoned abandoned -> abandoned.contact().value();
            default -> throw new IllegalArgumentException("not an outcome: " + outcome);
        };
    }

    /**
     * @param nameEnglish the queue's English name, which the board shows in English when there is one
     * @param waitingLevel how the number waiting stands against the center's thresholds; the same for
     *     the longest wait and the service level
     */
    record QueueRow(
            String code,
            String name,
            @Nullable String nameEnglish,
            int waiting,
            long longestWaitSeconds,
            long offered,
            long answered,
            long abandoned,
            @Nullable Double serviceLevel,
            double targetPercent,
            int targetSeconds,
            @Nullable Double averageSpeedOfAnswerSeconds,
            BoardThresholds.Level waitingLevel,
            BoardThresholds.Level longestWaitLevel,
            BoardThresholds.Level serviceLevelLevel) {}

    /**
     * @param notReadyReason the reason the agent gave, while not ready, as stored
     * @param notReadyLabel the same in words, in the reader's language (a code such as routing's
     *     "logged in" never reaches a screen as it is stored)
     */
    record AgentRow(
            String username,
            String name,
            String state,
            long secondsInState,
            int contacts,
            @Nullable String team,
            @Nullable String notReadyReason,
            @Nullable String notReadyLabel) {}

    /** A contact waiting now: how long since the customer first came, and the lane it waits for. */
    record WaitingRow(
            String contact,
            String queue,
            long waitSeconds,
            @Nullable String lane) {}

    /**
     * Today's service level of one half hour of the center, by arrival.
     *
     * @param label its start as the center's clock shows it (HH:mm in the center's time zone)
     * @param serviceLevel null while no contact of it has an outcome that counts
     */
    record IntervalRow(
            Instant start, String label, @Nullable Double serviceLevel, long answeredInTime, long decided) {}

    /**
     * @param zone the center's time zone, in which the board shows every time
     * @param team the team whose agents are shown, null for all
     * @param teams the center's teams, for the filter
     * @param notReadyByReason agents not ready, counted by the reason they gave, in words (a
     *     center's reason chosen in Korean and in English counts once)
     */
    record Board(
            Instant at,
            String zone,
            @Nullable String team,
            List<String> teams,
            BoardThresholds thresholds,
            List<QueueRow> queues,
            List<AgentRow> agents,
            Map<String, Long> agentsByState,
            Map<String, Long> notReadyByReason,
            List<WaitingRow> waiting,
            List<IntervalRow> intervals) {}

    private static final DateTimeFormatter INTERVAL_LABEL = DateTimeFormatter.ofPattern("HH:mm");

    Board board(long center, ZoneId zone, Locale locale) {
        return board(center, zone, null, locale);
    }

    /**
     * The board now: live queue and agent state from the engine, today's counts from the read model;
     * "today" is the center's day, in its time zone. A team narrows the agents (queues serve the whole
     * center, so their figures stay the center's).
     */
    Board board(long center, ZoneId zone, @Nullable String team, Locale locale) {
        Instant now = clock.instant();
        UnaryOperator<String> label = reasonLabels.of(CenterId.of(center), locale);
        RoutingState snapshot = routing.snapshot(CenterId.of(center));
        BoardThresholds thresholds = settings.thresholds(center);
        Instant today = now.atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant();
        Map<String, LiveFigures.QueueDay> days = figures.since(center, today).stream()
                .collect(Collectors.toMap(LiveFigures.QueueDay::queue, Function.identity()));
        List<QueueRow> queues = new ArrayList<>();
        for (QueueSettings queue : routing.queues(CenterId.of(center))) {
            var waiting = snapshot.contacts().stream()
                    .filter(c ->
                            c.queue().value().equals(queue.code()) && c.status() == RoutingState.ContactStatus.WAITING)
                    .toList();
            long longest = waiting.stream()
                    .map(c -> Duration.between(c.originalArrival(), now).toSeconds())
                    .max(Long::compare)
                    .orElse(0L);
            var day = days.get(queue.code());
            Double serviceLevel = null;
            Double asa = null;
            // Contacts still waiting have no outcome yet; they count once answered or abandoned.
            long decided = day == null ? 0 : day.answered() + day.abandoned() - day.shortAbandoned();
            if (day != null && decided > 0) {
                serviceLevel = (double) day.answeredInTime() / decided;
            }
            if (day != null && day.answered() > 0) {
                asa = day.waitSeconds() / day.answered();
            }
            queues.add(new QueueRow(
                    queue.code(),
                    queue.name(),
                    queue.nameEnglish(),
                    waiting.size(),
                    longest,
                    day == null ? 0 : day.offered(),
                    day == null ? 0 : day.answered(),
                    day == null ? 0 : day.abandoned(),
                    serviceLevel,
                    queue.serviceLevelPercent(),
                    queue.serviceLevelSeconds(),
                    asa,
                    thresholds.waiting(waiting.size()),
                    thresholds.longestWait(longest),
                    thresholds.serviceLevel(serviceLevel)));
        }
        Map<String, Instant> since = figures.agents(center).stream()
                .collect(Collectors.toMap(LiveFigures.AgentStatus::agent, LiveFigures.AgentStatus::since));
        List<StaffMember> people = staff.inCenter(center);
        Map<String, StaffMember> byUsername =
                people.stream().collect(Collectors.toMap(StaffMember::username, Function.identity(), (a, b) -> a));
        List<String> teams = teams(people);
        List<AgentRow> agents = snapshot.agents().stream()
                .filter(a -> a.status() != AgentStatus.OFFLINE)
                .map(a -> {
                    StaffMember member = byUsername.get(a.id().value());
                    return new AgentRow(
                            a.id().value(),
                            member == null ? a.id().value() : member.displayName(),
                            a.status().name(),
                            Duration.between(since.getOrDefault(a.id().value(), now), now)
                                    .toSeconds(),
                            a.contacts().size(),
                            member == null ? null : member.team(),
                            a.notReadyReason(),
                            a.notReadyReason() == null ? null : label.apply(a.notReadyReason()));
                })
                .filter(a -> team == null || team.equals(a.team()))
                .sorted(Comparator.comparing(AgentRow::state).thenComparing(AgentRow::username))
                .toList();
        Map<String, Long> byState = agents.stream()
                .collect(Collectors.groupingBy(AgentRow::state, java.util.TreeMap::new, Collectors.counting()));
        Map<String, Long> byReason = agents.stream()
                .filter(a -> a.notReadyLabel() != null)
                .collect(Collectors.groupingBy(
                        a -> java.util.Objects.requireNonNull(a.notReadyLabel()),
                        java.util.TreeMap::new,
                        Collectors.counting()));
        List<WaitingRow> waiting = snapshot.contacts().stream()
                .filter(c -> c.status() == RoutingState.ContactStatus.WAITING)
                .sorted(Comparator.comparing(RoutingState.Contact::originalArrival))
                .map(c -> new WaitingRow(
                        c.id().value(),
                        c.queue().value(),
                        Duration.between(c.originalArrival(), now).toSeconds(),
                        c.attributes().stream()
                                .sorted()
                                .map(Enum::name)
                                .findFirst()
                                .orElse(null)))
                .toList();
        return new Board(
                now,
                zone.getId(),
                team,
                teams,
                thresholds,
                queues,
                agents,
                byState,
                byReason,
                waiting,
                intervals(center, zone, today, now));
    }

    /** The center's teams, for a filter. */
    List<String> teams(long center) {
        return teams(staff.inCenter(center));
    }

    private static List<String> teams(List<StaffMember> people) {
        return people.stream()
                .map(StaffMember::team)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /** Every half hour of the center's day up to the current one, those without outcomes empty. */
    private List<IntervalRow> intervals(long center, ZoneId zone, Instant today, Instant now) {
        Map<Instant, LiveFigures.IntervalFigures> found = figures.intervals(center, today).stream()
                .collect(Collectors.toMap(LiveFigures.IntervalFigures::start, Function.identity()));
        List<IntervalRow> rows = new ArrayList<>();
        for (Instant start = bucket(today); !start.isAfter(now); start = start.plus(INTERVAL)) {
            LiveFigures.IntervalFigures figures = found.get(start);
            Double serviceLevel = figures == null || figures.decided() == 0
                    ? null
                    : (double) figures.answeredInTime() / figures.decided();
            rows.add(new IntervalRow(
                    start,
                    INTERVAL_LABEL.format(start.atZone(zone)),
                    serviceLevel,
                    figures == null ? 0 : figures.answeredInTime(),
                    figures == null ? 0 : figures.decided()));
        }
        return rows;
    }

    SseEmitter open(long center) {
        var emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        List<SseEmitter> list = boards.computeIfAbsent(center, c -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(failure -> list.remove(emitter));
        return all.opened(emitter);
    }

    /** Boards reload on this, so one notice per transaction is enough however many decisions it stored. */
    private void notifyBoards(long center) {
        AfterCommit.once(new BoardChanged(center), () -> {
            deliver(center, "changed", "1");
            cluster.announce(CHANGED_ELSEWHERE, Long.toString(center));
        });
    }

    private record BoardChanged(long center) {}

    /** Sends an event to every board open on the center, once what it announces is committed. */
    void push(long center, String name, Object data) {
        AfterCommit.run(() -> deliver(center, name, data));
    }

    private void deliver(long center, String name, Object data) {
        List<SseEmitter> list = boards.get(center);
        if (list == null) {
            return;
        }
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data));
            } catch (IOException | IllegalStateException gone) {
                list.remove(emitter);
            }
        }
    }

    private double threshold(long center, String queue) {
        return routing.queues(CenterId.of(center)).stream()
                .filter(q -> q.code().equals(queue))
                .findFirst()
                .map(q -> (double) q.serviceLevelSeconds())
                .orElse(20.0);
    }

    private static Instant bucket(Instant at) {
        long minutes = INTERVAL.toMinutes();
        long epochMinutes = at.getEpochSecond() / 60;
        return Instant.ofEpochSecond((epochMinutes - epochMinutes % minutes) * 60);
    }
}
