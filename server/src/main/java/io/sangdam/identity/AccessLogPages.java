package io.sangdam.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The protection team's review of who read whose personal data, when, from where and why. */
@Controller
@PreAuthorize("hasRole('PROTECTION_TEAM')")
class AccessLogPages {

    static final int PAGE_SIZE = 100;

    private final AccessLog log;
    private final Centers centers;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    AccessLogPages(AccessLog log, Centers centers, CurrentUsers currentUsers, Clock clock) {
        this.log = log;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping("/access-log")
    String search(
            @RequestParam(required = false) @Nullable String username,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable AccessTask task,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        ZoneId zone = centers.find(currentUsers.require().centerId())
                .map(Center::timeZone)
                .orElse(ZoneId.of("Asia/Seoul"));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        int safePage = Math.min(Math.max(0, page), 100_000);
        DataSubjectType type = DataSubjectType.parse(subjectType);
        var filter = new AccessLog.Filter(
                username,
                type,
                subjectId,
                task,
                start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant());
        var result = log.search(filter, safePage * PAGE_SIZE, PAGE_SIZE);
        Map<Long, Center> centersById =
                centers.all().stream().collect(Collectors.toMap(Center::id, Function.identity()));
        model.addAttribute("entries", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", safePage);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("centers", centersById);
        model.addAttribute("zone", zone);
        model.addAttribute("tasks", AccessTask.values());
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("subjectType", type);
        model.addAttribute("subjectTypes", DataSubjectType.values());
        model.addAttribute("subjectId", subjectId == null ? "" : subjectId);
        model.addAttribute("task", task);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute(
                "counts", log.countsByTaskSince(start.atStartOfDay(zone).toInstant()));
        model.addAttribute(
                "heaviest", log.heaviestUsersSince(start.atStartOfDay(zone).toInstant(), 10));
        return htmx != null ? "identity/access-log :: results" : "identity/access-log";
    }
}
