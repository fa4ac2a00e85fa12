package io.sangdam.protection;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The protection report: headquarters roles see every center (or one), a center manager their own. */
@Controller
@PreAuthorize("hasAnyRole('PROTECTION_TEAM', 'EXECUTIVE', 'CENTER_MANAGER')")
class ProtectionReportPages {

    static final int MAXIMUM_MONTHS = 36;
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    private final ProtectionReport report;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;
    private final Clock clock;

    ProtectionReportPages(
            ProtectionReport report, CenterDirectory centers, CurrentUsers currentUsers, JsonMapper json, Clock clock) {
        this.report = report;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.json = json;
        this.clock = clock;
    }

    record Query(@Nullable Long center, YearMonth from, YearMonth to, ZoneId zone) {}

    @GetMapping("/protection/reports")
    String page(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("centers", user.seesAllCenters() ? centers.partnersVisibleTo(user) : List.of());
        Map<Long, String> names = centers.all().stream().collect(Collectors.toMap(Center::id, Center::name));
        model.addAttribute("centerNames", names);
        Query query;
        try {
            query = query(user, center, from, to);
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            query = query(user, center, null, null);
        }
        List<ProtectionReport.Row> rows = report.rows(query.center(), query.from(), query.to(), query.zone());
        model.addAttribute("query", query);
        model.addAttribute("rows", rows);
        model.addAttribute("categories", ProtectionReport.CATEGORIES);
        model.addAttribute("totals", totals(rows));
        model.addAttribute("chartJson", json.writeValueAsString(chart(rows, query, names)));
        return "protection/reports";
    }

    @GetMapping("/protection/reports.csv")
    void csv(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            HttpServletResponse response)
            throws IOException {
        Query query = query(currentUsers.require(), center, from, to);
        List<ProtectionReport.Row> rows = report.rows(query.center(), query.from(), query.to(), query.zone());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"protection-report-" + query.from() + "-" + query.to()
                        + (query.center() == null ? "" : "-center-" + query.center()) + ".csv\"");
        report.csv(
                rows, centers.all().stream().collect(Collectors.toMap(Center::id, Center::name)), response.getWriter());
    }

    /** A center manager is held to their center; headquarters roles may pick one or see all. */
    private Query query(CurrentUser user, @Nullable Long center, @Nullable String from, @Nullable String to) {
        Long scope;
        ZoneId zone;
        if (user.seesAllCenters()) {
            scope = center == null ? null : centers.visibleTo(user, center).id();
            zone = scope == null ? DEFAULT_ZONE : centers.get(scope).timeZone();
        } else {
            Center own = centers.visibleTo(user, center == null ? user.centerId() : center);
            scope = own.id();
            zone = own.timeZone();
        }
        YearMonth now = YearMonth.now(clock.withZone(zone));
        YearMonth end = month(to, now);
        YearMonth start = month(from, end.minusMonths(5));
        if (start.isAfter(end) || start.plusMonths(MAXIMUM_MONTHS).isBefore(end.plusMonths(1))) {
            throw RequestRejected.badRequest("report-months-invalid", MAXIMUM_MONTHS);
        }
        return new Query(scope, start, end, zone);
    }

    private static YearMonth month(@Nullable String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RequestRejected.badRequest("report-month-unreadable", text);
        }
    }

    /** Sums over the rows shown, for the table's last line. */
    private static Map<String, Long> totals(List<ProtectionReport.Row> rows) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String category : ProtectionReport.CATEGORIES) {
            totals.put(
                    category, rows.stream().mapToLong(r -> r.category(category)).sum());
        }
        totals.put(
                "incidents",
                rows.stream().mapToLong(ProtectionReport.Row::incidents).sum());
        totals.put(
                "warnings",
                rows.stream().mapToLong(ProtectionReport.Row::warnings).sum());
        totals.put(
                "ended",
                rows.stream().mapToLong(ProtectionReport.Row::endedForAbuse).sum());
        totals.put(
                "breaks",
                rows.stream().mapToLong(ProtectionReport.Row::recoveryBreaks).sum());
        totals.put(
                "counselling",
                rows.stream()
                        .mapToLong(ProtectionReport.Row::counsellingRequests)
                        .sum());
        return totals;
    }

    /** Two charts: incidents per month by category, and per center and team (with warnings and ends). */
    private static Map<String, Object> chart(List<ProtectionReport.Row> rows, Query query, Map<Long, String> names) {
        List<String> months = java.util.stream.Stream.iterate(
                        query.from(), m -> !m.isAfter(query.to()), m -> m.plusMonths(1))
                .map(YearMonth::toString)
                .toList();
        Map<String, List<Long>> byCategory = new LinkedHashMap<>();
        for (String category : ProtectionReport.CATEGORIES) {
            byCategory.put(
                    category,
                    months.stream()
                            .map(m -> rows.stream()
                                    .filter(r -> r.month().toString().equals(m))
                                    .mapToLong(r -> r.category(category))
                                    .sum())
                            .toList());
        }
        Map<String, long[]> teams = new TreeMap<>();
        for (ProtectionReport.Row row : rows) {
            long[] sums = teams.computeIfAbsent(
                    names.getOrDefault(row.centerId(), String.valueOf(row.centerId())) + " " + row.team(),
                    t -> new long[4]);
            sums[0] += row.incidents();
            sums[1] += row.warnings();
            sums[2] += row.endedForAbuse();
            sums[3] += row.counsellingRequests();
        }
        return Map.of(
                "months",
                months,
                "byCategory",
                byCategory,
                "teams",
                List.copyOf(teams.keySet()),
                "teamFigures",
                teams.values().stream()
                        .map(a -> List.of(a[0], a[1], a[2], a[3]))
                        .toList());
    }
}
