package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge owner's page on the bot: deflection, hand-off reasons and unanswered questions per
 * day, and whether the center's widget asks the bot first (its manager turns that on or off).
 */
@Controller
@RequestMapping("/knowledge/bot")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'PROTECTION_TEAM', 'ADMINISTRATOR')")
class BotPages {

    static final int DAYS = 14;
    static final int UNANSWERED_SHOWN = 50;

    private final BotReport report;
    private final BotSettings settings;
    private final ChatBot bot;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    BotPages(
            BotReport report,
            BotSettings settings,
            ChatBot bot,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            Clock clock) {
        this.report = report;
        this.settings = settings;
        this.bot = bot;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** A bar of the chart: the day's sessions, the deflected part of them, as heights out of {@link #CHART_HEIGHT}. */
    record Bar(
            int x,
            String label,
            int sessionsY,
            int sessionsHeight,
            int deflectedY,
            int deflectedHeight,
            String title) {}

    static final int CHART_HEIGHT = 120;
    static final int BAR_STEP = 40;

    @GetMapping
    String show(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, chosen.timeZone());
        List<BotReport.Day> days = report.days(chosen.id(), chosen.timeZone(), today, DAYS, now);
        int most = Math.max(
                1, days.stream().mapToInt(BotReport.Day::sessions).max().orElse(1));
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            BotReport.Day day = days.get(i);
            int sessionsHeight = CHART_HEIGHT * day.sessions() / most;
            int deflectedHeight = CHART_HEIGHT * day.deflected() / most;
            bars.add(new Bar(
                    i * BAR_STEP + 8,
                    day.day().getMonthValue() + "/" + day.day().getDayOfMonth(),
                    CHART_HEIGHT - sessionsHeight,
                    sessionsHeight,
                    CHART_HEIGHT - deflectedHeight,
                    deflectedHeight,
                    day.day() + ": " + day.deflected() + "/" + day.sessions()));
        }
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("days", days);
        model.addAttribute("bars", bars);
        model.addAttribute("chartWidth", days.size() * BAR_STEP + 16);
        model.addAttribute("chartHeight", CHART_HEIGHT);
        model.addAttribute("reasons", HandoffReason.values());
        model.addAttribute(
                "unanswered",
                report.unanswered(
                        chosen.id(),
                        today.minusDays(DAYS - 1L)
                                .atStartOfDay(chosen.timeZone())
                                .toInstant(),
                        UNANSWERED_SHOWN));
        model.addAttribute("setting", settings.of(chosen.id()));
        model.addAttribute("available", bot.available());
        model.addAttribute("mayChange", user.has(Role.CENTER_MANAGER) || user.has(Role.ADMINISTRATOR));
        model.addAttribute("zone", chosen.timeZone());
        return "channel/bot-report";
    }

    @PostMapping("/settings")
    String save(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String enabled,
            RedirectAttributes redirect) {
        // Who may: identity/WritePermissions (center managers and administrators).
        CurrentUser user = currentUsers.require();
        Center chosen = centers.visibleTo(user, center);
        boolean on = "true".equals(enabled);
        settings.set(chosen.id(), on, user.username(), clock.instant());
        redirect.addFlashAttribute("noticeKey", on ? "bot.turned-on" : "bot.turned-off");
        redirect.addAttribute("center", chosen.id());
        return "redirect:/knowledge/bot";
    }
}
