package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.contact.Disposition;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation record of a chat a supervisor took over and ended: they write it from the
 * monitor, as its agent would from the desk (the same record, with the whole transcript), since the
 * chat was theirs from the take-over on. Only the supervisor who took it over may.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
class TakenOverRecords {

    private final Chats chats;
    private final Conversations conversations;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    TakenOverRecords(
            Chats chats,
            Conversations conversations,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            MessageSource messages) {
        this.chats = chats;
        this.conversations = conversations;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** Saved: back to the monitoring list (opening the chat again would be another access to log). */
    @PostMapping("/monitor/{conversation}/record")
    String record(
            @PathVariable String conversation,
            @RequestParam(required = false) @Nullable String categoryId,
            @RequestParam(required = false) @Nullable String disposition,
            @RequestParam(required = false) @Nullable String followUp,
            @RequestParam(required = false) @Nullable String notes,
            RedirectAttributes redirect,
            Locale locale) {
        CurrentUser me = currentUsers.require();
        Conversation chat =
                conversations.find(conversation).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        centers.visibleTo(me, chat.centerId());
        if (!me.username().equalsIgnoreCase(chat.takenOverBy())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        try {
            chats.record(
                    me.username(),
                    conversation,
                    category(categoryId),
                    disposition(disposition),
                    "true".equals(followUp),
                    notes == null || notes.isBlank() ? null : notes.strip());
        } catch (RequestRejected rejected) {
            redirect.addFlashAttribute(
                    "recordProblem",
                    Objects.requireNonNullElse(
                            messages.getMessage(
                                    "problem." + rejected.code(), rejected.arguments(), rejected.code(), locale),
                            rejected.code()));
            return "redirect:/monitor/" + conversation;
        }
        redirect.addFlashAttribute("noticeKey", "record.saved");
        return "redirect:/monitor?center=" + chat.centerId();
    }

    private static long category(@Nullable String typed) {
        try {
            return Long.parseLong(Objects.requireNonNullElse(typed, "").strip());
        } catch (NumberFormatException notANumber) {
            throw RequestRejected.badRequest("record-category-required");
        }
    }

    private static Disposition disposition(@Nullable String typed) {
        try {
            return Disposition.valueOf(Objects.requireNonNullElse(typed, "").strip());
        } catch (IllegalArgumentException unknown) {
            throw RequestRejected.badRequest("record-disposition-required");
        }
    }
}
