package io.sangdam.reporting;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterSettingsOutcome;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The wall screen of a center (large type, no navigation, live like the board), all centers at once
 * for headquarters, and the thresholds a center's manager sets for the colours of both.
 */
@Controller
@PreAuthorize(BoardPages.BOARD_ROLES)
class WallboardPages {

    static final String THRESHOLD_EDITORS = "hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')";

    private final BoardCenters boardCenters;
    private final LiveBoard board;
    private final BoardSettings settings;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    WallboardPages(
            BoardCenters boardCenters,
            LiveBoard board,
            BoardSettings settings,
            CurrentUsers currentUsers,
            MessageSource messages) {
        this.boardCenters = boardCenters;
        this.board = board;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    static boolean canSetThresholds(CurrentUser user) {
        return user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR);
    }

    @GetMapping("/board/wall")
    String wall(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String team,
            Model model) {
        Center chosen = boardCenters.center(center);
        model.addAttribute("center", chosen);
        model.addAttribute("team", team == null || team.isBlank() ? null : team);
        return "reporting/wall";
    }

    @GetMapping("/board/all")
    String all(Model model) {
        model.addAttribute("centers", boardCenters.routed());
        return "reporting/all-centers";
    }

    /**
     * One center at a glance, for the all-centers view: totals over its queues, each with how it
     * stands against the center's own thresholds.
     *
     * @param serviceLevel today's, over all its queues (null while nothing has an outcome)
     */
    record CenterFigures(
            long center,
            String name,
            String zone,
            int waiting,
            long longestWaitSeconds,
            @Nullable Double serviceLevel,
            BoardThresholds.Level waitingLevel,
            BoardThresholds.Level longestWaitLevel,
            BoardThresholds.Level serviceLevelLevel,
            Map<String, Long> agentsByState) {}

    @GetMapping("/board/api/all")
    @ResponseBody
    List<CenterFigures> allFigures() {
        return boardCenters.routed().stream().map(this::figures).toList();
    }

    private CenterFigures figures(Center center) {
        // Only the figures are used: the not-ready reasons' words do not matter here.
        LiveBoard.Board now = board.board(center.id(), center.timeZone(), Locale.KOREAN);
        int waiting =
                now.queues().stream().mapToInt(LiveBoard.QueueRow::waiting).sum();
        long longest = now.queues().stream()
                .mapToLong(LiveBoard.QueueRow::longestWaitSeconds)
                .max()
                .orElse(0);
        long inTime = now.intervals().stream()
                .mapToLong(LiveBoard.IntervalRow::answeredInTime)
                .sum();
        long decided = now.intervals().stream()
                .mapToLong(LiveBoard.IntervalRow::decided)
                .sum();
        Double serviceLevel = decided == 0 ? null : (double) inTime / decided;
        BoardThresholds thresholds = now.thresholds();
        return new CenterFigures(
                center.id(),
                center.name(),
                center.timeZone().getId(),
                waiting,
                longest,
                serviceLevel,
                thresholds.waiting(waiting),
                thresholds.longestWait(longest),
                thresholds.serviceLevel(serviceLevel),
                new TreeMap<>(now.agentsByState()));
    }

    // ------------------------------------------------------------------ thresholds

    /** The thresholds as a form or a JSON body sends them; each must be given. */
    record ThresholdsForm(
            @NotNull Integer serviceLevelWarn,
            @NotNull Integer serviceLevelAlert,
            @NotNull Integer longestWaitWarn,
            @NotNull Integer longestWaitAlert,
            @NotNull Integer waitingWarn,
            @NotNull Integer waitingAlert) {

        BoardThresholds thresholds() {
            return new BoardThresholds(
                    serviceLevelWarn, serviceLevelAlert, longestWaitWarn, longestWaitAlert, waitingWarn, waitingAlert);
        }
    }

    /** The old address of the thresholds: their section of the center-settings page. */
    @GetMapping("/board/settings")
    @PreAuthorize(THRESHOLD_EDITORS)
    String settingsPage(@RequestParam(required = false) @Nullable Long center) {
        Center chosen = boardCenters.center(center);
        return "redirect:" + CenterSettingsOutcome.pageOf(BoardThresholdsSection.SECTION, chosen.id());
    }

    /** The section's form: a refusal comes back to the section in words, which still shows the thresholds in force. */
    @PostMapping("/board/settings")
    @PreAuthorize(THRESHOLD_EDITORS)
    String saveSettings(
            @RequestParam long center,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        Center chosen = boardCenters.center(center);
        try {
            BoardThresholds thresholds = new ThresholdsForm(
                            number(form, "serviceLevelWarn"),
                            number(form, "serviceLevelAlert"),
                            number(form, "longestWaitWarn"),
                            number(form, "longestWaitAlert"),
                            number(form, "waitingWarn"),
                            number(form, "waitingAlert"))
                    .thresholds();
            settings.change(chosen.id(), thresholds, currentUsers.require().username());
        } catch (RequestRejected rejected) {
            return CenterSettingsOutcome.refused(
                    redirect,
                    BoardThresholdsSection.SECTION,
                    chosen.id(),
                    Objects.requireNonNullElse(
                            messages.getMessage(
                                    "problem." + rejected.code(), rejected.arguments(), rejected.code(), locale),
                            rejected.code()));
        }
        return CenterSettingsOutcome.saved(
                redirect, BoardThresholdsSection.SECTION, chosen.id(), "board-settings.saved");
    }

    private static Integer number(Map<String, String> form, String field) {
        String value = form.get(field);
        try {
            return Integer.valueOf(value == null ? "" : value.strip());
        } catch (NumberFormatException notANumber) {
            throw RequestRejected.badRequest("board-threshold-not-a-number", value == null ? "" : value);
        }
    }

    @GetMapping("/board/api/thresholds")
    @ResponseBody
    BoardThresholds thresholds(@RequestParam long center) {
        return settings.thresholds(boardCenters.center(center).id());
    }

    @PutMapping("/board/api/thresholds")
    @ResponseBody
    @PreAuthorize(THRESHOLD_EDITORS)
    BoardThresholds changeThresholds(@RequestParam long center, @Valid @RequestBody ThresholdsForm form) {
        Center chosen = boardCenters.center(center);
        BoardThresholds thresholds = form.thresholds();
        settings.change(chosen.id(), thresholds, currentUsers.require().username());
        return thresholds;
    }
}
