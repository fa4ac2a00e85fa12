package io.sangdam.protection;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A center's protection notice and warnings, edited by its manager or the protection team. */
@Controller
@RequestMapping("/protection/notices")
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'PROTECTION_TEAM')")
class NoticePages {

    private final ProtectionNotices notices;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    NoticePages(ProtectionNotices notices, CenterDirectory centers, CurrentUsers currentUsers) {
        this.notices = notices;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String show(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("notices", notices.of(chosen.id()));
        return "protection/notices";
    }

    @PostMapping
    String save(
            @RequestParam long center,
            @RequestParam String kind,
            @RequestParam String language,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        Center chosen = centers.visibleTo(currentUsers.require(), center);
        try {
            if (action.equals("reset")) {
                notices.reset(chosen.id(), ProtectionNotices.kind(kind), language);
                redirect.addFlashAttribute("noticeKey", "notices.reset");
            } else {
                notices.save(
                        chosen.id(),
                        ProtectionNotices.kind(kind),
                        language,
                        text,
                        currentUsers.require().username());
                redirect.addFlashAttribute("noticeKey", "notices.saved");
            }
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return show(chosen.id(), model);
        }
        redirect.addAttribute("center", chosen.id());
        return "redirect:/protection/notices";
    }
}
