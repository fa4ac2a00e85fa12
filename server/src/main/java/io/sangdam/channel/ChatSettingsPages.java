package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a center manager (or an administrator) sets the center's web chat settings. */
@Controller
@RequestMapping("/chat-settings")
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
class ChatSettingsPages {

    private final ChatSettings settings;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    ChatSettingsPages(ChatSettings settings, CenterDirectory centers, CurrentUsers currentUsers, Clock clock) {
        this.settings = settings;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("setting", settings.of(chosen.id()));
        model.addAttribute("minimum", ChatSettings.MINIMUM_CUSTOMER_GONE_SECONDS);
        model.addAttribute("maximum", ChatSettings.MAXIMUM_CUSTOMER_GONE_SECONDS);
        model.addAttribute("zone", VerificationMethodsPages.ZONE);
        return "channel/chat-settings";
    }

    @PostMapping
    String save(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String customerGoneSeconds,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.visibleTo(user, center);
        try {
            settings.set(chosen.id(), seconds(customerGoneSeconds), user.username(), clock.instant());
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return show(chosen.id(), model);
        }
        redirect.addFlashAttribute("noticeKey", "chat-settings.saved");
        redirect.addAttribute("center", chosen.id());
        return "redirect:/chat-settings";
    }

    /** Null (rejected as out of range) when not a whole number. */
    private static @Nullable Integer seconds(@Nullable String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
