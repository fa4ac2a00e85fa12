package io.sangdam.reporting;

import io.sangdam.identity.Center;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.QueueCode;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.Routing;
import io.sangdam.routing.RoutingRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The supervisor's live board: queues and agents of a center, updated by push. */
@Controller
@PreAuthorize(BoardPages.BOARD_ROLES)
class BoardPages {

    static final String BOARD_ROLES =
            "hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'WFM_PLANNER', 'EXECUTIVE', 'ADMINISTRATOR',"
                    + " 'PROTECTION_TEAM')";

    private final LiveBoard board;
    private final BoardCenters boardCenters;
    private final CurrentUsers currentUsers;
    private final Routing routing;
    private final ConsultationFacts consultations;
    private final Clock clock;

    BoardPages(
            LiveBoard board,
            BoardCenters boardCenters,
            CurrentUsers currentUsers,
            Routing routing,
            ConsultationFacts consultations,
            Clock clock) {
        this.board = board;
        this.clock = clock;
        this.consultations = consultations;
        this.boardCenters = boardCenters;
        this.currentUsers = currentUsers;
        this.routing = routing;
    }

    /**
     * One center's board. Headquarters people who ask for no center get all centers at once
     * ({@link WallboardPages}) rather than whichever partner center came first.
     */
    @GetMapping("/board")
    String page(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        if (center == null && user.seesAllCenters()) {
            return "redirect:/board/all";
        }
        Center chosen = center(center);
        model.addAttribute("centers", boardCenters.routed());
        model.addAttribute("center", chosen);
        model.addAttribute("teams", board.teams(chosen.id()));
        model.addAttribute(
                "canForce",
                currentUsers
                        .require()
                        .hasAny(io.sangdam.identity.Role.SUPERVISOR, io.sangdam.identity.Role.CENTER_MANAGER));
        model.addAttribute("canSetThresholds", WallboardPages.canSetThresholds(user));
        model.addAttribute(
                "canMonitor",
                user.hasAny(
                        io.sangdam.identity.Role.SUPERVISOR,
                        io.sangdam.identity.Role.CENTER_MANAGER,
                        io.sangdam.identity.Role.EXECUTIVE,
                        io.sangdam.identity.Role.PROTECTION_TEAM));
        model.addAttribute(
                "canSeeIncidents",
                user.hasAny(
                        io.sangdam.identity.Role.SUPERVISOR,
                        io.sangdam.identity.Role.CENTER_MANAGER,
                        io.sangdam.identity.Role.PROTECTION_TEAM));
        return "reporting/board";
    }

    @GetMapping("/board/api")
    @ResponseBody
    LiveBoard.Board data(
            @RequestParam long center, @RequestParam(required = false) @Nullable String team, java.util.Locale locale) {
        Center chosen = center(center);
        return board.board(chosen.id(), chosen.timeZone(), team == null || team.isBlank() ? null : team, locale);
    }

    /**
     * The consultation records of a day (today if none is given), counted by channel, queue,
     * category and disposition: what the day's wrap-ups said, from reporting's own facts.
     */
    @GetMapping("/board/api/consultations")
    @ResponseBody
    List<ConsultationFacts.Count> consultations(
            @RequestParam long center, @RequestParam(required = false) @Nullable LocalDate day) {
        Center chosen = center(center);
        ZoneId zone = chosen.timeZone();
        return consultations.on(chosen.id(), day == null ? LocalDate.now(clock.withZone(zone)) : day, zone);
    }

    @GetMapping(path = "/board/api/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream(@RequestParam long center) {
        return board.open(center(center).id());
    }

    /** A supervisor takes an agent out of routing (e.g. for an urgent meeting); logged in the routing log. */
    @org.springframework.web.bind.annotation.PostMapping("/board/api/agents/{agent}/not-ready")
    @ResponseBody
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
    void forceNotReady(@RequestParam long center, @org.springframework.web.bind.annotation.PathVariable String agent) {
        Center chosen = center(center);
        forcing(
                agent,
                () -> routing.notReady(
                        CenterId.of(chosen.id()),
                        AgentUsername.of(agent),
                        io.sangdam.routing.NotReadyReasonLabels.setBySupervisor(
                                currentUsers.require().username())));
    }

    /**
     * A supervisor logs out an agent who left without logging out (their desk would keep being
     * offered chats it cannot answer); refused while the agent still holds chats, which must be
     * ended or transferred first. Logged in the routing log like every routing command.
     */
    @org.springframework.web.bind.annotation.PostMapping("/board/api/agents/{agent}/log-out")
    @ResponseBody
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
    void forceLogOut(@RequestParam long center, @org.springframework.web.bind.annotation.PathVariable String agent) {
        Center chosen = center(center);
        forcing(agent, () -> routing.logOut(CenterId.of(chosen.id()), AgentUsername.of(agent)));
    }

    /** The engine's refusals of a forced state, in the supervisor's words. */
    private static void forcing(String agent, Runnable force) {
        try {
            force.run();
        } catch (RequestRejected rejected) {
            RoutingRefusal refusal = Routing.refusal(rejected).orElse(null);
            if (refusal == null) {
                throw rejected;
            }
            // Only the refusals a supervisor can act on get their own words; the rest say routing refused.
            throw switch (refusal) {
                case AGENT_OFFLINE -> RequestRejected.conflict("agent-logged-out", agent);
                case AGENT_HAS_WORK -> RequestRejected.conflict("agent-has-work", agent);
                case UNKNOWN_AGENT -> RequestRejected.notFound("unknown-agent", agent);
                default -> rejected;
            };
        }
    }

    record Move(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 30)
            String queue) {}

    /**
     * A supervisor or center manager moves a waiting contact to another queue of the center,
     * through the routing command log like every routing decision; its original arrival is kept.
     */
    @org.springframework.web.bind.annotation.PostMapping("/board/api/contacts/{contact}/move")
    @ResponseBody
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
    Map<String, String> move(
            @RequestParam long center,
            @org.springframework.web.bind.annotation.PathVariable String contact,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Move move) {
        Center chosen = center(center);
        routing.move(
                CenterId.of(chosen.id()),
                RoutedContact.of(contact),
                QueueCode.of(move.queue()),
                currentUsers.require().username());
        return Map.of("contact", contact, "queue", move.queue());
    }

    private Center center(@Nullable Long requested) {
        return boardCenters.center(requested);
    }
}
