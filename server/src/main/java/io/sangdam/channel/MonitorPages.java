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
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Silent monitoring (supervisors, center managers) and sitting in (동석, executives): a live chat,
 * read-only. Opening one is an access to the customer's conversation and is written to the
 * personal-data access log with its purpose.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'EXECUTIVE', 'PROTECTION_TEAM')")
class MonitorPages {

    private final Conversations conversations;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final PersonalDataAccess access;
    private final LiveStreams streams;
    private final io.sangdam.routing.Routing routing;

    MonitorPages(
            Conversations conversations,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            PersonalDataAccess access,
            LiveStreams streams,
            io.sangdam.routing.Routing routing) {
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
        model.addAttribute("conversations", conversations.connectedIn(chosen.id()));
        model.addAttribute("queueNames", routing.queueNames(CenterId.of(chosen.id()), locale));
        return "channel/monitor-list";
    }

    /** Tells an open monitoring list that its center's chats in progress changed; the page reads its rows again. */
    @GetMapping(path = "/monitor/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter listStream(@RequestParam(required = false) @Nullable Long center) throws java.io.IOException {
        Center chosen = centers.chooseFor(currentUsers.require(), center);
        return streams.open(Chats.monitorList(chosen.id()), emitter -> {});
    }

    @GetMapping("/monitor/{id}")
    String watch(@PathVariable String id, Model model, java.util.Locale locale) {
        Conversation conversation = logged(id);
        CurrentUser user = currentUsers.require();
        model.addAttribute("conversation", conversation);
        model.addAttribute(
                "queueName",
                routing.queueNames(CenterId.of(conversation.centerId()), locale)
                        .getOrDefault(conversation.queue(), conversation.queue()));
        model.addAttribute("messages", conversations.messages(id));
        model.addAttribute("sittingIn", user.has(Role.EXECUTIVE));
        return "channel/monitor";
    }

    @GetMapping("/monitor/{id}/messages")
    @ResponseBody
    List<Message> messages(@PathVariable String id) {
        logged(id);
        return conversations.messages(id);
    }

    @GetMapping(path = "/monitor/{id}/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream(@PathVariable String id) throws java.io.IOException {
        logged(id);
        // What the customer sees, and the transfer notes only agents read, as the desk shows them.
        return streams.open(List.of(Chats.customer(id), Chats.agentsOnly(id)), emitter -> {});
    }

    /** Every way into a live conversation is an access to personal data, written to the log with its purpose. */
    private Conversation logged(String id) {
        Conversation conversation = visible(id);
        String purpose =
                currentUsers.require().has(Role.EXECUTIVE) ? "동석 (sitting in)" : "실시간 모니터링 (silent monitoring)";
        access.record(
                new DataSubject(DataSubjectType.CONVERSATION, id, conversation.customerLabel()),
                AccessTask.VIEW,
                purpose);
        return conversation;
    }

    private Conversation visible(String id) {
        Conversation conversation =
                conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        centers.visibleTo(currentUsers.require(), conversation.centerId());
        return conversation;
    }
}
