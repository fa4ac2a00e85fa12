package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CenterSettingsOutcome;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form of a center's web chat settings ({@link ChatSettingsSection} on the center-settings
 * page). {@code /chat-settings}, the page they had of their own, now leads to the section.
 */
@Controller
@RequestMapping("/chat-settings")
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
class ChatSettingsPages {

    static final String SECTION = ChatSettingsSection.SECTION;

    private final ChatSettings settings;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final Clock clock;

    ChatSettingsPages(
            ChatSettings settings,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            MessageSource messages,
            Clock clock) {
        this.settings = settings;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    /** The old address: the section of the center it names (or the user's). */
    @GetMapping
    String show(@RequestParam(required = false) @Nullable Long center) {
        Center chosen = centers.chooseFor(currentUsers.require(), center);
        return "redirect:" + CenterSettingsOutcome.pageOf(SECTION, chosen.id());
    }

    @PostMapping
    String save(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String customerGoneSeconds,
            RedirectAttributes redirect,
            Locale locale) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.visibleTo(user, center);
        try {
            settings.set(chosen.id(), seconds(customerGoneSeconds), user.username(), clock.instant());
        } catch (RequestRejected rejected) {
            return CenterSettingsOutcome.refused(
                    redirect,
                    SECTION,
                    chosen.id(),
                    java.util.Objects.requireNonNullElse(
                            messages.getMessage(
                                    "problem." + rejected.code(), rejected.arguments(), rejected.code(), locale),
                            rejected.code()));
        }
        return CenterSettingsOutcome.saved(redirect, SECTION, chosen.id(), "chat-settings.saved");
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
