package io.sangdam.routing;

import io.sangdam.engine.routing.Channel;
import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Staff;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.QueueSettings.OpeningDay;
import io.sangdam.routing.QueueSettings.Overflow;
import io.sangdam.routing.QueueSettings.OverflowKind;
import io.sangdam.routing.QueueSettings.Requirement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A center's queues: the skills they need, how agents are chosen, overflow, the service-level
 * target, wrap-up and opening hours. A change applies to the live engine at once (docs/adr/0006).
 */
@Controller
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
class QueuePages {

    static final int SKILL_ROWS = 3;
    static final int OVERFLOW_ROWS = 3;

    private final RoutingQueues queues;
    private final SkillDirectory skills;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final RoutingAdministration administration;
    private final Staff staff;
    private final MessageSource messages;

    QueuePages(
            RoutingQueues queues,
            SkillDirectory skills,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            RoutingAdministration administration,
            Staff staff,
            MessageSource messages) {
        this.queues = queues;
        this.skills = skills;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.administration = administration;
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping("/queues")
    String list(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("queues", queues.of(chosen.id()));
        model.addAttribute("skills", skills.all());
        model.addAttribute("strategies", SelectionStrategy.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("overflowKinds", OverflowKind.values());
        model.addAttribute(
                "teams",
                staff.inCenter(chosen.id()).stream()
                        .map(m -> m.team())
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("skillRows", SKILL_ROWS);
        model.addAttribute("overflowRows", OVERFLOW_ROWS);
        model.addAttribute("days", List.of(1, 2, 3, 4, 5, 6, 7));
        return "routing/queues";
    }

    @PostMapping("/queues")
    String create(
            @RequestParam long center,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        centers.visibleTo(currentUsers.require(), center);
        try {
            QueueSettings created = administration.createQueue(center, form(form));
            redirect.addFlashAttribute("noticeKey", "queues.created");
            redirect.addFlashAttribute("changed", created.code());
        } catch (RequestRejected rejected) {
            redirect.addFlashAttribute("problem", problem(rejected, locale));
        }
        return "redirect:/queues?center=" + center;
    }

    @PostMapping("/queues/{id}")
    String update(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        QueueSettings queue = queues.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-queue", id));
        centers.visibleTo(currentUsers.require(), queue.centerId());
        try {
            administration.updateQueue(id, form(form));
            redirect.addFlashAttribute("noticeKey", "queues.saved");
        } catch (RequestRejected rejected) {
            redirect.addFlashAttribute("problem", problem(rejected, locale));
        }
        redirect.addFlashAttribute("changed", queue.code());
        return "redirect:/queues?center=" + queue.centerId();
    }

    String problem(RequestRejected rejected, Locale locale) {
        // Never null: the code itself is the default message.
        return Objects.requireNonNullElse(
                messages.getMessage("problem." + rejected.code(), rejected.arguments(), rejected.code(), locale),
                rejected.code());
    }

    /** Reads the page's form: parallel rows for skills and overflow, opening and closing time per weekday. */
    static RoutingAdministration.QueueForm form(MultiValueMap<String, String> form) {
        List<Requirement> requirements = new ArrayList<>();
        List<String> skillCodes = form.getOrDefault("skill", List.of());
        List<String> levels = form.getOrDefault("level", List.of());
        for (int i = 0; i < skillCodes.size(); i++) {
            if (!skillCodes.get(i).isBlank()) {
                Integer level = number("level", i < levels.size() ? levels.get(i) : null);
                requirements.add(new Requirement(skillCodes.get(i), level == null ? 0 : level));
            }
        }
        List<Overflow> overflow = new ArrayList<>();
        List<String> after = form.getOrDefault("overflowAfter", List.of());
        List<String> kinds = form.getOrDefault("overflowKind", List.of());
        List<String> targets = form.getOrDefault("overflowTarget", List.of());
        List<String> overflowLevels = form.getOrDefault("overflowLevel", List.of());
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).isBlank()) {
                continue;
            }
            String kind = i < kinds.size() ? kinds.get(i) : "";
            OverflowKind parsed;
            try {
                parsed = OverflowKind.valueOf(kind);
            } catch (IllegalArgumentException unknown) {
                throw RequestRejected.badRequest("overflow-incomplete", i + 1);
            }
            Integer seconds = number("overflowAfter", after.get(i));
            overflow.add(new Overflow(
                    seconds == null ? 0 : seconds,
                    parsed,
                    i < targets.size() ? targets.get(i).strip() : "",
                    number("overflowLevel", i < overflowLevels.size() ? overflowLevels.get(i) : null)));
        }
        List<OpeningDay> hours = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            String opens = form.getFirst("opens" + day);
            String closes = form.getFirst("closes" + day);
            if (opens != null && !opens.isBlank() && closes != null && !closes.isBlank()) {
                try {
                    hours.add(new OpeningDay(day, LocalTime.parse(opens), LocalTime.parse(closes)));
                } catch (DateTimeParseException bad) {
                    throw RequestRejected.badRequest("invalid-opening-hours", day);
                }
            }
        }
        List<LocalDate> closed = new ArrayList<>();
        String closedDays = form.getFirst("closedDays");
        if (closedDays != null) {
            for (String line : closedDays.split("[\\s,]+")) {
                if (!line.isBlank()) {
                    try {
                        closed.add(LocalDate.parse(line.strip()));
                    } catch (DateTimeParseException bad) {
                        throw RequestRejected.badRequest("invalid-closed-day", line.strip());
                    }
                }
            }
        }
        return new RoutingAdministration.QueueForm(
                form.getFirst("code"),
                form.getFirst("name"),
                form.getFirst("nameEnglish"),
                form.getFirst("channel"),
                requirements,
                form.getFirst("agentGroup"),
                number("priority", form.getFirst("priority")),
                decimal("serviceLevelPercent", form.getFirst("serviceLevelPercent")),
                number("serviceLevelSeconds", form.getFirst("serviceLevelSeconds")),
                form.getFirst("strategy"),
                overflow,
                number("wrapUpSeconds", form.getFirst("wrapUpSeconds")),
                form.containsKey("limitedHours"),
                hours,
                closed);
    }

    static @Nullable Integer number(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw RequestRejected.badRequest("not-a-number", field, value);
        }
    }

    private static @Nullable Double decimal(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw RequestRejected.badRequest("not-a-number", field, value);
        }
    }
}
