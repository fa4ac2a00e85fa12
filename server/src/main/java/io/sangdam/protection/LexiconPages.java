package io.sangdam.protection;

import io.sangdam.engine.protection.AbuseCategory;
import io.sangdam.engine.protection.Severity;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
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

/** The protection team's page for the abuse lexicon and the allow-list (organisation-wide). */
@Controller
@RequestMapping("/protection/lexicon")
@PreAuthorize("hasRole('PROTECTION_TEAM')")
class LexiconPages {

    static final int PAGE_SIZE = 100;

    private final AbuseScreening screening;
    private final LexiconEntries entries;
    private final CurrentUsers currentUsers;

    LexiconPages(AbuseScreening screening, LexiconEntries entries, CurrentUsers currentUsers) {
        this.screening = screening;
        this.entries = entries;
        this.currentUsers = currentUsers;
    }

    record Form(
            @Nullable String category,
            @Nullable String severity,
            @Nullable String pattern) {}

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        int safePage = Math.min(Math.max(page, 0), 10_000);
        var filter = new LexiconEntries.Filter(text, category, includeInactive);
        var result = entries.search(filter, safePage * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("entries", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", safePage);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("categories", AbuseCategory.values());
        model.addAttribute("severities", Severity.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("PROFANITY", "MEDIUM", ""));
        }
        return htmx != null ? "protection/lexicon :: table" : "protection/lexicon";
    }

    @PostMapping
    String add(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String pattern,
            Model model,
            RedirectAttributes redirect) {
        try {
            var entry = screening.add(
                    category, severity, pattern, currentUsers.require().username());
            redirect.addFlashAttribute("noticeKey", entry.allowed() ? "lexicon.allow-added" : "lexicon.added");
            return "redirect:/protection/lexicon";
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            model.addAttribute("form", new Form(category, severity, pattern));
            return list(null, null, false, 0, null, model);
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        var entry = screening.deactivate(id, currentUsers.require().username());
        redirect.addFlashAttribute("noticeKey", "lexicon.deactivated");
        // Back to the entry, now among the deactivated ones, so it can be used again at once.
        redirect.addAttribute("includeInactive", true);
        redirect.addAttribute("text", entry.pattern());
        return "redirect:/protection/lexicon";
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            screening.reactivate(id);
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return list(null, null, true, 0, null, model);
        }
        redirect.addFlashAttribute("noticeKey", "lexicon.activated");
        return "redirect:/protection/lexicon";
    }
}
