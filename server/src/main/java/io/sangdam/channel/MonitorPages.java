package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.Conversations.Message;
import io.sangdam.identity.AccessTask;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.DataSubjectType;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.CenterId;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Silent monitoring (supervisors, center managers) and sitting in (동석, executives): a live chat,
 * read-only until a supervisor steps in ({@link InterventionApi}). Opening one is an access to the
 * customer's conversation and is written to the personal-data access log with its purpose, once
 * per opening: the page's own stream and reload of messages are part of that opening.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'EXECUTIVE', 'PROTECTION_TEAM')")
class MonitorPages {

    private final RecordsToWrite recordsToWrite;
    private final io.sangdam.contact.ConsultationRecords records;
    private final Conversations conversations;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final PersonalDataAccess access;
    private final LiveStreams streams;
    private final io.sangdam.routing.Routing routing;
    private final MonitorRows rows;
    private final MonitorSettings settings;
    private final Interventions interventions;
    private final io.sangdam.identity.Staff staff;
    private final org.springframework.context.MessageSource messages;

    /** The session's conversations whose opening was logged: their stream and messages log nothing more. */
    static final String LOGGED_OPENINGS = "channel.monitor.logged";

    MonitorPages(
            Conversations conversations,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            PersonalDataAccess access,
            LiveStreams streams,
            io.sangdam.routing.Routing routing,
            MonitorRows rows,
            MonitorSettings settings,
            Interventions interventions,
            io.sangdam.identity.Staff staff,
            org.springframework.context.MessageSource messages,
            RecordsToWrite recordsToWrite,
            io.sangdam.contact.ConsultationRecords records) {
        this.messages = messages;
        this.recordsToWrite = recordsToWrite;
        this.records = records;
        this.rows = rows;
        this.settings = settings;
        this.interventions = interventions;
        this.staff = staff;
        this.conversations = conversations;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.access = access;
        this.streams = streams;
        this.routing = routing;
    }

    @GetMapping("/monitor")
    String list(@RequestParam(required = false) @Nullable Long center, Model model, java.util.Locale locale) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("conversations", rows.of(chosen.id(), routing.queueNames(CenterId.of(chosen.id()), locale)));
        model.addAttribute("answerWait", settings.answerWait(chosen.id()));
        model.addAttribute("editsSettings", user.has(Role.CENTER_MANAGER));
        // The chats this supervisor took over and ended: theirs to record, as an agent's are.
        model.addAttribute("recordsDue", recordsToWrite.takenOver(user.username()));
        return "channel/monitor-list";
    }

    /**
     * The center's colours for "waiting for an answer"; its manager sets them in the monitoring
     * section of the center-settings page, which this answers to.
     */
    @PostMapping("/monitor/settings")
    @PreAuthorize("hasRole('CENTER_MANAGER')")
    String saveSettings(
            @RequestParam long center,
            @RequestParam int warnSeconds,
            @RequestParam int alertSeconds,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
            java.util.Locale locale) {
        Center chosen = centers.visibleTo(currentUsers.require(), center);
        try {
            settings.setAnswerWait(chosen.id(), warnSeconds, alertSeconds);
        } catch (RequestRejected rejected) {
            return io.sangdam.identity.CenterSettingsOutcome.refused(
                    redirect,
                    MonitorSettingsSection.SECTION,
                    chosen.id(),
                    messages.getMessage("problem." + rejected.code(), rejected.arguments(), locale));
        }
        return io.sangdam.identity.CenterSettingsOutcome.saved(
                redirect, MonitorSettingsSection.SECTION, chosen.id(), "monitor.settings.saved");
    }

    /** Tells an open monitoring list that its center's chats in progress changed; the page reads its rows again. */
    @GetMapping(path = "/monitor/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter listStream(@RequestParam(required = false) @Nullable Long center) throws java.io.IOException {
        Center chosen = centers.chooseFor(currentUsers.require(), center);
        return streams.open(Chats.monitorList(chosen.id()), emitter -> {});
    }

    @GetMapping("/monitor/{id}")
    String watch(@PathVariable String id, Model model, java.util.Locale locale, HttpSession session) {
        Conversation conversation = opened(id, session);
        CurrentUser user = currentUsers.require();
        model.addAttribute("conversation", conversation);
        model.addAttribute("agentName", agentName(conversation.agent()));
        boolean intervenes = user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER);
        model.addAttribute("intervenes", intervenes);
        model.addAttribute("tookOver", user.username().equalsIgnoreCase(conversation.takenOverBy()));
        model.addAttribute("joined", intervenes && interventions.joined(id, user.username()));
        model.addAttribute("interventions", interventions.of(id));
        model.addAttribute("me", user.displayName());
        model.addAttribute("timeZone", centers.get(conversation.centerId()).timeZone());
        model.addAttribute(
                "queueName",
                routing.queueNames(CenterId.of(conversation.centerId()), locale)
                        .getOrDefault(conversation.queue(), conversation.queue()));
        model.addAttribute("messages", conversations.messages(id));
        model.addAttribute("sittingIn", user.has(Role.EXECUTIVE));
        if (intervenes) {
            model.addAttribute("categories", records.categories());
            model.addAttribute("dispositions", io.sangdam.contact.Disposition.values());
            model.addAttribute(
                    "recordDue",
                    recordsToWrite.takenOver(user.username()).stream().anyMatch(c -> c.id().equals(id)));
        }
        return "channel/monitor";
    }

    @GetMapping("/monitor/{id}/messages")
    @ResponseBody
    List<Message> messages(@PathVariable String id, HttpSession session) {
        partOfOpening(id, session);
        return conversations.messages(id);
    }

    @GetMapping(path = "/monitor/{id}/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream(@PathVariable String id, HttpSession session) throws java.io.IOException {
        partOfOpening(id, session);
        // What the customer sees, and the transfer notes only agents read, as the desk shows them.
        return streams.open(List.of(Chats.customer(id), Chats.agentsOnly(id)), emitter -> {});
    }

    /** Opening the page is an access to personal data, written to the log with its purpose. */
    private Conversation opened(String id, HttpSession session) {
        Conversation conversation = visible(id);
        String purpose =
                currentUsers.require().has(Role.EXECUTIVE) ? "동석 (sitting in)" : "실시간 모니터링 (silent monitoring)";
        access.record(
                new DataSubject(DataSubjectType.CONVERSATION, id, conversation.customerLabel()),
                AccessTask.VIEW,
                purpose);
        java.util.Set<String> logged = loggedOpenings(session);
        logged.add(id);
        // Set again, not only changed: a session stored in the database is written when set (docs/adr/0010).
        session.setAttribute(LOGGED_OPENINGS, logged);
        return conversation;
    }

    /**
     * The page's stream and its reload of messages belong to the opening the page logged; called
     * without it (a script of one's own), they are an opening of their own and logged as one.
     */
    private Conversation partOfOpening(String id, HttpSession session) {
        return loggedOpenings(session).contains(id) ? visible(id) : opened(id, session);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<String> loggedOpenings(HttpSession session) {
        Object logged = session.getAttribute(LOGGED_OPENINGS);
        return logged instanceof java.util.Set<?> set
                ? new java.util.HashSet<>((java.util.Set<String>) set)
                : new java.util.HashSet<>();
    }

    private String agentName(@Nullable String username) {
        return username == null
                ? ""
                : staff.findByUsername(username)
                        .map(io.sangdam.identity.StaffMember::displayName)
                        .orElse(username);
    }

    private Conversation visible(String id) {
        Conversation conversation =
                conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        centers.visibleTo(currentUsers.require(), conversation.centerId());
        return conversation;
    }
}
