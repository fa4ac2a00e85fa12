package io.sangdam.channel;

import io.sangdam.channel.Conversations.Message;
import io.sangdam.contact.Category;
import io.sangdam.contact.ConsultationRecords;
import io.sangdam.contact.Disposition;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.AgentStatus;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.Routing;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The agent desktop's calls: state, offers, chat panes. Always the signed-in agent, never another. */
@RestController
@RequestMapping("/desk/api")
@PreAuthorize("hasRole('AGENT')")
@Hidden
class DeskApi {

    private final Chats chats;
    private final Routing routing;
    private final CurrentUsers currentUsers;
    private final Staff staff;
    private final LiveStreams streams;
    private final ConsultationRecords records;
    private final CallbackContacts callbackContacts;
    private final Callbacks callbacks;
    private final CustomerPresence presence;
    private final RecordsToWrite recordsToWrite;

    DeskApi(
            Chats chats,
            Routing routing,
            CurrentUsers currentUsers,
            Staff staff,
            LiveStreams streams,
            ConsultationRecords records,
            CallbackContacts callbackContacts,
            Callbacks callbacks,
            CustomerPresence presence,
            RecordsToWrite recordsToWrite) {
        this.presence = presence;
        this.recordsToWrite = recordsToWrite;
        this.callbackContacts = callbackContacts;
        this.callbacks = callbacks;
        this.records = records;
        this.chats = chats;
        this.routing = routing;
        this.currentUsers = currentUsers;
        this.staff = staff;
        this.streams = streams;
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream() throws IOException {
        CurrentUser me = currentUsers.require();
        // Start from the truth: the agent's state and the chats they hold, then live changes.
        return streams.open(Chats.desk(me.username()), emitter -> {
            CenterId center = CenterId.of(me.centerId());
            AgentStatus state = routing.routes(center)
                    ? routing.snapshot(center).agents().stream()
                            .filter(a -> a.id().value().equals(me.username()))
                            .map(a -> a.status())
                            .findFirst()
                            .orElse(AgentStatus.OFFLINE)
                    : AgentStatus.OFFLINE;
            emitter.send(SseEmitter.event().name("state").data(Map.of("state", state.name())));
            // In the order they began, as the panes stood before a reload: the chats held, those
            // ended and those transferred that still lack this agent's record (a chat that came back
            // to the agent and ended counts as ended).
            var held = new java.util.LinkedHashMap<String, Held>();
            chats.connectedTo(me.username()).forEach(c -> held.put(c.id(), new Held(c, null, null)));
            chats.awaitingRecord(me.username()).forEach(c -> held.put(c.id(), new Held(c, null, "ended")));
            for (var handover : chats.handoversAwaitingRecord(me.username())) {
                held.putIfAbsent(
                        handover.conversation().id(),
                        new Held(handover.conversation(), handover.messages(), "transferred"));
            }
            for (var chat : held.values().stream()
                    .sorted(java.util.Comparator.comparing(h -> h.conversation().createdAt()))
                    .toList()) {
                var conversation = chat.conversation();
                emitter.send(connected(
                        conversation, chat.messages() != null ? chat.messages() : chats.history(conversation.id())));
                if (chat.then() != null) {
                    emitter.send(SseEmitter.event().name(chat.then()).data(Map.of("conversation", conversation.id())));
                }
            }
            presence.tellDesk(
                    emitter,
                    held.values().stream()
                            .filter(h -> h.then() == null)
                            .map(h -> h.conversation().id())
                            .toList());
            for (var callback : callbackContacts.heldBy(me.username())) {
                emitter.send(SseEmitter.event().name("callback").data(callback));
            }
        });
    }

    /** A chat the desk shows on opening, with what it shows (null: the whole history) and what followed. */
    private record Held(
            Conversations.Conversation conversation,
            @Nullable List<Message> messages,
            @Nullable String then) {}

    private static SseEmitter.SseEventBuilder connected(
            Conversations.Conversation conversation, List<Message> messages) {
        return SseEmitter.event().name("connected").data(ConnectedChat.of(conversation, messages));
    }

    @PostMapping("/login")
    void logIn() {
        CurrentUser me = currentUsers.require();
        routing.logIn(CenterId.of(me.centerId()), staff.find(me.id()).orElseThrow());
    }

    /** Refused ({@code records-unwritten}) while a record is unsaved, when the center waits for records. */
    @PostMapping("/ready")
    void ready() {
        CurrentUser me = currentUsers.require();
        recordsToWrite.requireNone(me);
        routing.ready(CenterId.of(me.centerId()), AgentUsername.of(me.username()));
    }

    record Reason(@NotBlank @Size(max = 50) String reason) {}

    @PostMapping("/not-ready")
    void notReady(@Valid @RequestBody Reason reason) {
        CurrentUser me = currentUsers.require();
        routing.notReady(CenterId.of(me.centerId()), AgentUsername.of(me.username()), reason.reason());
    }

    @PostMapping("/logout")
    void logOut() {
        CurrentUser me = currentUsers.require();
        routing.logOut(CenterId.of(me.centerId()), AgentUsername.of(me.username()));
    }

    @PostMapping("/wrap-up-done")
    void wrapUpDone() {
        CurrentUser me = currentUsers.require();
        recordsToWrite.requireNone(me);
        routing.wrapUpDone(CenterId.of(me.centerId()), AgentUsername.of(me.username()));
    }

    /** An offer that timed out or went to someone else meanwhile is a 409 {@code offer-expired}, not the engine's words. */
    @PostMapping("/offers/{conversation}/accept")
    void accept(@PathVariable String conversation) {
        CurrentUser me = currentUsers.require();
        answeringOffer(
                conversation,
                () -> routing.accept(
                        CenterId.of(me.centerId()), AgentUsername.of(me.username()), RoutedContact.of(conversation)));
    }

    @PostMapping("/offers/{conversation}/decline")
    void decline(@PathVariable String conversation) {
        CurrentUser me = currentUsers.require();
        answeringOffer(
                conversation,
                () -> routing.decline(
                        CenterId.of(me.centerId()), AgentUsername.of(me.username()), RoutedContact.of(conversation)));
    }

    private static void answeringOffer(String conversation, Runnable answer) {
        try {
            answer.run();
        } catch (RequestRejected rejected) {
            if (Routing.refusal(rejected).isPresent()) {
                throw RequestRejected.conflict("offer-expired", conversation);
            }
            throw rejected;
        }
    }

    record Text(@NotNull @Size(max = 100_000) String text) {}

    @PostMapping("/conversations/{conversation}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Message say(@PathVariable String conversation, @Valid @RequestBody Text text) {
        return chats.agentSays(currentUsers.require().username(), conversation, text.text());
    }

    /** Sent by the desk every few seconds while the agent types, so the customer sees an answer coming. */
    @PostMapping("/conversations/{conversation}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void typing(@PathVariable String conversation) {
        chats.agentTyping(currentUsers.require().username(), conversation);
    }

    @PostMapping("/conversations/{conversation}/end")
    void end(@PathVariable String conversation) {
        chats.agentEnds(currentUsers.require().username(), conversation);
    }

    @PostMapping("/conversations/{conversation}/warnings")
    @ResponseStatus(HttpStatus.CREATED)
    Message warn(@PathVariable String conversation) {
        return chats.warn(currentUsers.require().username(), conversation);
    }

    @PostMapping("/conversations/{conversation}/end-for-abuse")
    void endForAbuse(@PathVariable String conversation) {
        chats.endForAbuse(currentUsers.require().username(), conversation);
    }

    /** To a queue, or with {@code agent} to a colleague first (who then has a minute to take it). */
    record Transfer(
            @NotBlank @Size(max = 30) String queue,
            @Nullable @Size(max = 50) String agent,
            @Nullable @Size(max = 500) String note) {}

    @PostMapping("/conversations/{conversation}/transfer")
    void transfer(@PathVariable String conversation, @Valid @RequestBody Transfer transfer) {
        var me = currentUsers.require();
        String colleague = transfer.agent() == null || transfer.agent().isBlank() ? null : transfer.agent();
        if (colleague != null
                && staff.findByUsername(colleague)
                        .filter(member -> member.centerId() == me.centerId() && member.has(Role.AGENT))
                        .isEmpty()) {
            throw RequestRejected.badRequest("unknown-colleague", colleague);
        }
        chats.transfer(me.username(), conversation, transfer.queue(), colleague, transfer.note());
    }

    record Colleague(String username, String name, String state) {}

    /** Agents of my center who are logged in, to transfer a chat to; most available first. */
    @GetMapping("/colleagues")
    List<Colleague> colleagues() {
        var me = currentUsers.require();
        CenterId center = CenterId.of(me.centerId());
        if (!routing.routes(center)) {
            return List.of();
        }
        return routing.snapshot(center).agents().stream()
                .filter(agent -> agent.status() != AgentStatus.OFFLINE
                        && !agent.id().value().equals(me.username()))
                .map(agent -> new Colleague(
                        agent.id().value(),
                        staff.findByUsername(agent.id().value())
                                .map(StaffMember::displayName)
                                .orElse(agent.id().value()),
                        agent.status().name()))
                .sorted(java.util.Comparator.comparing(
                                (Colleague c) -> !c.state().equals(AgentStatus.AVAILABLE.name()))
                        .thenComparing(Colleague::name))
                .toList();
    }

    record QueueChoice(String code, String name) {}

    @GetMapping("/queues")
    List<QueueChoice> queues(java.util.Locale locale) {
        CenterId center = CenterId.of(currentUsers.require().centerId());
        return routing.routes(center)
                ? routing.queues(center).stream()
                        .map(q -> new QueueChoice(q.code(), q.name(locale)))
                        .toList()
                : List.of();
    }

    @GetMapping("/categories")
    List<Category> categories() {
        return records.categories();
    }

    record Record(
            @NotNull Long categoryId,
            @NotNull Disposition disposition,
            @Nullable Boolean followUp,
            @Nullable @Size(max = 4000) String notes) {}

    @PostMapping("/conversations/{conversation}/record")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> record(@PathVariable String conversation, @Valid @RequestBody Record record) {
        CurrentUser me = currentUsers.require();
        long id = chats.record(
                me.username(),
                conversation,
                record.categoryId(),
                record.disposition(),
                Boolean.TRUE.equals(record.followUp()),
                record.notes());
        recordsToWrite.saved(me);
        return Map.of("id", id);
    }

    /** Accepts a callback offered to me; an offer that expired or went to someone else is a 409 {@code callback-offer-expired}. */
    @PostMapping("/callbacks/{id}/accept")
    void acceptCallback(@PathVariable long id) {
        callbackContacts.accept(currentUsers.require(), id);
    }

    record UnmaskReason(@Nullable @Size(max = 500) String reason) {}

    /** The customer's name and phone in the clear, to call back; the reason goes to the access log. */
    @PostMapping("/callbacks/{id}/unmask")
    Callbacks.UnmaskedCallback unmaskCallback(@PathVariable long id, @Valid @RequestBody UnmaskReason reason) {
        return callbacks.unmask(currentUsers.require(), id, reason.reason() == null ? "" : reason.reason());
    }

    /** Called back: the consultation record is kept, the message is done and its contact ends. */
    @PostMapping("/callbacks/{id}/finish")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> finishCallback(@PathVariable long id, @Valid @RequestBody Record record) {
        CurrentUser me = currentUsers.require();
        long saved = callbackContacts.finish(
                me,
                id,
                record.categoryId(),
                record.disposition(),
                Boolean.TRUE.equals(record.followUp()),
                record.notes());
        // Its record came with its end, so a wrap-up held for records ends here when nothing else is left.
        recordsToWrite.saved(me);
        return Map.of("id", saved);
    }

    @GetMapping("/conversations")
    List<String> mine() {
        return chats.connectedTo(currentUsers.require().username()).stream()
                .map(Conversations.Conversation::id)
                .toList();
    }
}
