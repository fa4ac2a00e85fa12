package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.CenterId;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The center's callback list: messages customers left while a queue was closed. */
@Controller
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER')")
class CallbackPages {

    private final Callbacks callbacks;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final io.sangdam.routing.Routing routing;

    CallbackPages(
            Callbacks callbacks,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            MessageSource messages,
            io.sangdam.routing.Routing routing) {
        this.callbacks = callbacks;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.routing = routing;
    }

    @GetMapping("/callbacks")
    String list(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(defaultValue = "OPEN") LeftMessages.Status status,
            Model model,
            Locale locale) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("status", status.name());
        model.addAttribute("callbacks", callbacks.of(chosen.id(), status));
        // The topic as the queue's name in the page's language; the code (BILLING) meant nothing to an agent.
        model.addAttribute("queueNames", routing.queueNames(CenterId.of(chosen.id()), locale));
        return "channel/callbacks";
    }

    @PostMapping("/callbacks/{id}/unmask")
    String unmask(
            @PathVariable long id,
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            redirect.addFlashAttribute(
                    "unmasked", callbacks.unmask(currentUsers.require(), id, reason == null ? "" : reason));
        } catch (RequestRejected rejected) {
            redirect.addFlashAttribute("problem", problem(rejected, locale));
        }
        return "redirect:/callbacks?center=" + center;
    }

    @PostMapping("/callbacks/{id}/done")
    String done(@PathVariable long id, @RequestParam long center, RedirectAttributes redirect, Locale locale) {
        try {
            callbacks.done(currentUsers.require(), id);
            redirect.addFlashAttribute("noticeKey", "callbacks.marked-done");
        } catch (RequestRejected rejected) {
            redirect.addFlashAttribute("problem", problem(rejected, locale));
        }
        return "redirect:/callbacks?center=" + center;
    }

    private String problem(RequestRejected rejected, Locale locale) {
        // Never null: the code itself is the default message.
        return Objects.requireNonNullElse(
                messages.getMessage("problem." + rejected.code(), rejected.arguments(), rejected.code(), locale),
                rejected.code());
    }
}
