package io.sangdam.reporting;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.AfterCommit;
import io.sangdam.platform.ClusterSignals;
import io.sangdam.platform.RequestRejected;
import io.sangdam.protection.AbuseAlerted;
import io.sangdam.protection.Incidents;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.Routing;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protection alerts on the live board: a flagged customer message or a contact ended for abuse
 * reaches the supervisor's board the moment the incident is recorded, and the supervisor can give
 * the agent a longer recovery break. The board keeps the last alerts of the hour in memory, for
 * boards opened after they happened; other server nodes are told each alert and keep it too. A
 * node that may have missed alerts (its listener reconnected, or another node lost what it sent)
 * takes the last hour's from the incident list and shows those its boards do not show yet; the
 * boards themselves reload too ({@link LiveBoard}).
 */
@RestController
class BoardAlerts {

    static final int KEPT = 20;
    static final Duration KEPT_FOR = Duration.ofHours(1);
    static final int MAXIMUM_EXTENSION_MINUTES = 120;

    record Alert(
            String agent,
            String agentName,
            String conversation,
            String reason,
            List<String> categories,
            String severity,
            Instant at) {}

    private final LiveBoard board;
    private final Routing routing;
    private final Staff staff;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final Map<Long, Deque<Alert>> recent = new ConcurrentHashMap<>();
    private final ClusterSignals cluster;
    private final JsonMapper json;
    /** Only a catch-up asks it; reporting's module test runs without protection's beans. */
    private final ObjectProvider<Incidents> incidents;

    private final AlertAcknowledgements acknowledgements;

    static final String ALERTED_ELSEWHERE = "reporting.alert";
    static final String ACKNOWLEDGED_ELSEWHERE = "reporting.alert-acknowledged";

    /** An alert raised on another node. */
    record AlertElsewhere(long center, Alert alert) {}

    /** An acknowledgement made on another node, for the boards open on this one. */
    record AcknowledgedElsewhere(long center, AlertAcknowledgements.Acknowledgement acknowledgement) {}

    BoardAlerts(
            LiveBoard board,
            Routing routing,
            Staff staff,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            Clock clock,
            ClusterSignals cluster,
            JsonMapper json,
            ObjectProvider<Incidents> incidents,
            AlertAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.cluster = cluster;
        this.json = json;
        this.incidents = incidents;
        cluster.receive(
                ALERTED_ELSEWHERE,
                payload -> {
                    AlertElsewhere elsewhere = json.readValue(payload, AlertElsewhere.class);
                    show(elsewhere.center(), elsewhere.alert());
                },
                this::recoverMissed);
        cluster.receive(
                ACKNOWLEDGED_ELSEWHERE,
                payload -> {
                    AcknowledgedElsewhere elsewhere = json.readValue(payload, AcknowledgedElsewhere.class);
                    board.push(elsewhere.center(), "alert-acknowledged", elsewhere.acknowledgement());
                },
                () -> {});
        this.board = board;
        this.routing = routing;
        this.staff = staff;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * After the incident is committed: an alert for a record that was rolled back would mislead.
     * Runs in the customer's request, so no role check here (the endpoints below have theirs).
     *
     * <p>A plain listener that defers to {@link AfterCommit}, not a {@code @TransactionalEventListener}:
     * Spring Modulith stores every after-commit listener's events in its publication registry and
     * republishes them after a restart (docs/adr/0015), and a live alert replayed hours later would
     * mislead. An alert lost with its node is lost as a push only: the incident is stored and listed.
     */
    @EventListener
    void alerted(AbuseAlerted alerted) {
        AfterCommit.run(() -> {
            Alert alert = alertOf(alerted);
            show(alerted.centerId(), alert);
            if (!cluster.alone()) {
                cluster.announce(
                        ALERTED_ELSEWHERE, json.writeValueAsString(new AlertElsewhere(alerted.centerId(), alert)));
            }
        });
    }

    private Alert alertOf(AbuseAlerted alerted) {
        String agent = alerted.agent() == null ? "" : alerted.agent();
        String name = alerted.agent() == null
                ? ""
                : staff.findByUsername(alerted.agent())
                        .map(StaffMember::displayName)
                        .orElse(agent);
        return new Alert(
                agent,
                name,
                alerted.conversation(),
                alerted.reason().name(),
                alerted.categories(),
                alerted.severity(),
                alerted.at());
    }

    /**
     * Alerts of the last hour from the incident list, shown unless an alert of the same kind for the
     * same conversation is kept already (then the boards show it), or it is older than all the kept
     * ones of a center that keeps as many as it may (it was shown and made way for newer ones).
     */
    private void recoverMissed() {
        Incidents incidentList = incidents.getIfAvailable();
        if (incidentList == null) {
            return;
        }
        for (AbuseAlerted alerted : incidentList.alertsSince(clock.instant().minus(KEPT_FOR))) {
            Deque<Alert> kept = recent.get(alerted.centerId());
            if (kept != null) {
                synchronized (kept) {
                    boolean shown = kept.stream()
                            .anyMatch(alert -> alert.conversation().equals(alerted.conversation())
                                    && alert.reason().equals(alerted.reason().name()));
                    boolean madeWay = kept.size() >= KEPT
                            && alerted.at().isBefore(kept.getLast().at());
                    if (shown || madeWay) {
                        continue;
                    }
                }
            }
            show(alerted.centerId(), alertOf(alerted));
        }
    }

    private void show(long center, Alert alert) {
        Deque<Alert> kept = recent.computeIfAbsent(center, c -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addFirst(alert);
            while (kept.size() > KEPT) {
                kept.removeLast();
            }
        }
        board.push(center, "alert", alert);
    }

    /** The center's alerts of the last hour that nobody acknowledged, newest first. */
    @GetMapping("/board/api/alerts")
    @PreAuthorize(BoardPages.BOARD_ROLES)
    List<Alert> alerts(@RequestParam long center) {
        Center chosen = centers.visibleTo(currentUsers.require(), center);
        Deque<Alert> kept = recent.get(chosen.id());
        if (kept == null) {
            return List.of();
        }
        Instant since = clock.instant().minus(KEPT_FOR);
        Map<String, Instant> acknowledged = new java.util.HashMap<>();
        for (AlertAcknowledgements.Acknowledgement done : acknowledgements.since(chosen.id(), since)) {
            acknowledged.put(done.conversation() + " " + done.reason(), done.upTo());
        }
        synchronized (kept) {
            return kept.stream()
                    .filter(a -> a.at().isAfter(since))
                    .filter(a -> {
                        Instant upTo = acknowledged.get(a.conversation() + " " + a.reason());
                        // The database keeps microseconds; the alert may carry nanoseconds.
                        return upTo == null
                                || a.at().truncatedTo(ChronoUnit.MICROS).isAfter(upTo);
                    })
                    .toList();
        }
    }

    /** Which alert a supervisor acknowledges: its chat, its kind, and its time as the board received it. */
    record Acknowledging(
            @NotBlank @Size(max = 64) String conversation,
            @NotNull AbuseAlerted.Reason reason,
            @NotNull Instant at) {}

    /**
     * A supervisor has seen to an alert: it and the earlier ones of its kind for the same chat leave
     * every board of the center, on every node; a later alert of the chat shows again. Only an alert
     * of the center asked for (a supervisor of another center is refused by the center check first).
     */
    @PostMapping("/board/api/alerts/acknowledgements")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
    AlertAcknowledgements.Acknowledgement acknowledge(
            @RequestParam long center, @Valid @RequestBody Acknowledging acknowledging) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.visibleTo(user, center);
        Instant upTo = latestAlert(chosen.id(), acknowledging)
                .orElseThrow(() -> RequestRejected.notFound("unknown-alert", acknowledging.conversation()));
        AlertAcknowledgements.Acknowledgement done = acknowledgements.acknowledge(
                chosen.id(),
                new AlertAcknowledgements.Acknowledgement(
                        acknowledging.conversation(),
                        acknowledging.reason().name(),
                        upTo,
                        user.username(),
                        clock.instant()));
        board.push(chosen.id(), "alert-acknowledged", done);
        if (!cluster.alone()) {
            cluster.announce(
                    ACKNOWLEDGED_ELSEWHERE, json.writeValueAsString(new AcknowledgedElsewhere(chosen.id(), done)));
        }
        return done;
    }

    /**
     * The time of the latest alert of this center, chat and kind raised no later than the one
     * acknowledged: from those this node keeps, else from the incident list (after a restart this
     * node keeps none). Never later than the acknowledged one, so a later alert still shows.
     */
    private java.util.Optional<Instant> latestAlert(long center, Acknowledging acknowledging) {
        Instant until = acknowledging.at().plusMillis(1);
        java.util.function.Predicate<Instant> inTime =
                at -> at.isBefore(until) && at.isAfter(clock.instant().minus(KEPT_FOR));
        Deque<Alert> kept = recent.get(center);
        if (kept != null) {
            synchronized (kept) {
                var found = kept.stream()
                        .filter(a -> a.conversation().equals(acknowledging.conversation())
                                && a.reason().equals(acknowledging.reason().name()))
                        .map(Alert::at)
                        .filter(inTime)
                        .max(Instant::compareTo);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        Incidents incidentList = incidents.getIfAvailable();
        if (incidentList == null) {
            return java.util.Optional.empty();
        }
        return incidentList.alertsSince(clock.instant().minus(KEPT_FOR)).stream()
                .filter(a -> a.centerId() == center
                        && a.conversation().equals(acknowledging.conversation())
                        && a.reason() == acknowledging.reason())
                .map(AbuseAlerted::at)
                .filter(inTime)
                .max(Instant::compareTo);
    }

    /** Logged in the routing log like every routing command; refused unless the agent is in a recovery break. */
    @PostMapping("/board/api/agents/{agent}/extend-recovery")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
    void extendRecovery(
            @RequestParam long center,
            @PathVariable String agent,
            @RequestParam(required = false) @Nullable Integer minutes) {
        Center chosen = centers.visibleTo(currentUsers.require(), center);
        int by = minutes == null ? 10 : minutes;
        if (by < 1 || by > MAXIMUM_EXTENSION_MINUTES) {
            throw RequestRejected.badRequest("recovery-extension-invalid", 1, MAXIMUM_EXTENSION_MINUTES);
        }
        routing.extendRecovery(CenterId.of(chosen.id()), AgentUsername.of(agent), Duration.ofMinutes(by));
    }
}
