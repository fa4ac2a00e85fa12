package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where agents keep their own quick replies, supervisors their team's and center managers the center's. */
@Controller
@RequestMapping("/quick-replies")
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'ADMINISTRATOR')")
class QuickReplyPages {

    private final QuickReplySets sets;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    QuickReplyPages(QuickReplySets sets, CenterDirectory centers, CurrentUsers currentUsers) {
        this.sets = sets;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    /** What the form shows: a new reply, or the one being changed ({@code id} set). */
    record Form(
            @Nullable Long id,
            @Nullable QuickReplyScope scope,
            @Nullable String title,
            @Nullable String body,
            @Nullable String language) {}

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable Long edit,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            Locale locale) {
        CurrentUser user = currentUsers.require();
        Center chosen = sets.centerFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("replies", sets.readable(user, chosen, q));
        model.addAttribute("scopes", sets.writableScopes(user));
        model.addAttribute("variables", QuickReplyVariables.written());
        if (!model.containsAttribute("form")) {
            if (edit != null) {
                var reply = sets.get(user, edit);
                model.addAttribute(
                        "form", new Form(reply.id(), reply.scope(), reply.title(), reply.body(), reply.language()));
            } else {
                model.addAttribute(
                        "form",
                        new Form(
                                null,
                                sets.writableScopes(user).stream().findFirst().orElse(null),
                                "",
                                "",
                                locale.getLanguage()));
            }
        }
        return htmx != null ? "channel/quick-replies :: table" : "channel/quick-replies";
    }

    @PostMapping
    String add(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable QuickReplyScope scope,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String language,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        CurrentUser user = currentUsers.require();
        try {
            var added = sets.add(user, center, new QuickReplySets.Draft(scope, title, body, language), locale);
            redirect.addFlashAttribute("noticeKey", "quick-replies.added");
            redirect.addAttribute("center", added.centerId());
            return "redirect:/quick-replies";
        } catch (RequestRejected rejected) {
            refused(model, rejected, new Form(null, scope, title, body, language));
            return list(null, center, null, null, model, locale);
        }
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String language,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        CurrentUser user = currentUsers.require();
        try {
            var changed = sets.change(user, id, new QuickReplySets.Draft(null, title, body, language), locale);
            redirect.addFlashAttribute("noticeKey", "quick-replies.saved");
            redirect.addAttribute("center", changed.centerId());
            return "redirect:/quick-replies";
        } catch (RequestRejected rejected) {
            if (rejected.status().value() == 404) {
                throw rejected;
            }
            var reply = sets.get(user, id);
            refused(model, rejected, new Form(id, reply.scope(), title, body, language));
            return list(null, reply.centerId(), null, null, model, locale);
        }
    }

    @PostMapping("/{id}/delete")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        long center = sets.get(user, id).centerId();
        sets.remove(user, id);
        redirect.addFlashAttribute("noticeKey", "quick-replies.deleted");
        redirect.addAttribute("center", center);
        return "redirect:/quick-replies";
    }

    private static void refused(Model model, RequestRejected rejected, Form form) {
        model.addAttribute("errorKey", "problem." + rejected.code());
        model.addAttribute("errorArguments", rejected.arguments());
        model.addAttribute("form", form);
    }
}
