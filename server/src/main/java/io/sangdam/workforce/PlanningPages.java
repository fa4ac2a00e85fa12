package io.sangdam.workforce;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.QueueSettings;
import io.sangdam.routing.Routing;
import io.sangdam.workforce.WorkforcePlanning.Plan;
import io.sangdam.workforce.WorkforcePlanning.PlanTargets;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The planner's forecast, holidays, history import and staffing plan with its exports. */
@Controller
@PreAuthorize(WorkforceConfiguration.PLANNING_ROLES)
class PlanningPages {

    static final int FORECAST_DAYS = 14;

    private final WorkforcePlanning planning;
    private final IntervalRecords records;
    private final Holidays holidays;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;
    private final Clock clock;
    private final PlanSimulations simulations;
    private final Routing routing;

    PlanningPages(
            WorkforcePlanning planning,
            IntervalRecords records,
            Holidays holidays,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            JsonMapper json,
            Clock clock,
            PlanSimulations simulations,
            Routing routing) {
        this.simulations = simulations;
        this.routing = routing;
        this.planning = planning;
        this.records = records;
        this.holidays = holidays;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/workforce/forecast")
    String forecast(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String queue,
            Model model) {
        Center chosen = center(center);
        List<String> queues = planning.queues(chosen.id());
        String chosenQueue =
                queue != null && queues.contains(queue) ? queue : queues.isEmpty() ? null : queues.getFirst();
        addCenters(model, chosen);
        model.addAttribute("queues", queues);
        model.addAttribute("queue", chosenQueue);
        model.addAttribute("holidays", holidays.of(chosen.id()));
        if (chosenQueue != null) {
            try {
                var view = planning.forecast(chosen.id(), chosenQueue, FORECAST_DAYS);
                model.addAttribute("forecast", view);
                model.addAttribute(
                        "chartJson",
                        json.writeValueAsString(Map.of("history", view.history(), "forecast", view.forecast())));
            } catch (RequestRejected rejected) {
                model.addAttribute("errorKey", "problem." + rejected.code());
                model.addAttribute("errorArguments", rejected.arguments());
            }
        }
        return "workforce/forecast";
    }

    @PostMapping("/workforce/forecast/import")
    String importHistory(
            @RequestParam long center,
            @RequestParam(defaultValue = "30") int intervalMinutes,
            @RequestParam("file") MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Center chosen = center(center);
        if (intervalMinutes != 15 && intervalMinutes != 30 && intervalMinutes != 60) {
            throw RequestRejected.badRequest("invalid-parameter", "intervalMinutes");
        }
        var result = HistoryImport.read(
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), intervalMinutes);
        if (!result.accepted()) {
            model.addAttribute("importProblems", result.problems());
            model.addAttribute("importProblemCount", result.problemCount());
            return forecast(chosen.id(), null, model);
        }
        records.save(chosen.id(), result.records());
        redirect.addFlashAttribute("importedCount", result.records().size());
        return "redirect:/workforce/forecast?center=" + chosen.id() + "&queue="
                + result.records().getFirst().queueCode();
    }

    @PostMapping("/workforce/holidays")
    String addHoliday(
            @RequestParam long center,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable String queue) {
        Center chosen = center(center);
        if (name.isBlank() || name.strip().length() > 100) {
            throw RequestRejected.badRequest("invalid-holiday-name");
        }
        holidays.add(chosen.id(), day, name.strip());
        return "redirect:/workforce/forecast?center=" + chosen.id() + (queue == null ? "" : "&queue=" + queue);
    }

    @PostMapping("/workforce/holidays/{id}/delete")
    String removeHoliday(
            @PathVariable long id, @RequestParam long center, @RequestParam(required = false) @Nullable String queue) {
        Center chosen = center(center);
        holidays.remove(id, chosen.id(), currentUsers.require().seesAllCenters());
        return "redirect:/workforce/forecast?center=" + chosen.id() + (queue == null ? "" : "&queue=" + queue);
    }

    @GetMapping("/workforce/plan")
    String plan(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String queue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(defaultValue = "1") int days,
            @RequestParam(defaultValue = "80") double serviceLevel,
            @RequestParam(defaultValue = "20") double seconds,
            @RequestParam(defaultValue = "90") double occupancy,
            @RequestParam(defaultValue = "30") double shrinkage,
            @RequestParam(required = false) @Nullable Double patience,
            Model model) {
        Center chosen = center(center);
        List<String> queues = planning.queues(chosen.id());
        String chosenQueue =
                queue != null && queues.contains(queue) ? queue : queues.isEmpty() ? null : queues.getFirst();
        addCenters(model, chosen);
        model.addAttribute("queues", queues);
        model.addAttribute("queue", chosenQueue);
        model.addAttribute("days", days == 7 ? 7 : 1);
        model.addAttribute("serviceLevel", serviceLevel);
        model.addAttribute("seconds", seconds);
        model.addAttribute("occupancy", occupancy);
        model.addAttribute("shrinkage", shrinkage);
        model.addAttribute("patience", patience);
        if (chosenQueue == null) {
            return "workforce/plan";
        }
        LocalDate first = from != null ? from : planning.firstPlannableDay(chosen.id(), chosenQueue);
        model.addAttribute("from", first);
        try {
            if (first == null) {
                // No history for this queue: say so as the plan would.
                throw RequestRejected.notFound("unknown-queue-history", chosenQueue);
            }
            Plan plan = planning.plan(
                    chosen.id(),
                    chosenQueue,
                    first,
                    days == 7 ? 7 : 1,
                    targets(serviceLevel, seconds, occupancy, shrinkage, patience));
            model.addAttribute("plan", plan);
            model.addAttribute("chartJson", json.writeValueAsString(plan.rows()));
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
        }
        return "workforce/plan";
    }

    /** A plan as the export links name it; unset figures take the plan page's defaults. */
    record PlanQuery(
            long center,
            String queue,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Nullable Integer days,
            @Nullable Double serviceLevel,
            @Nullable Double seconds,
            @Nullable Double occupancy,
            @Nullable Double shrinkage,
            @Nullable Double patience) {}

    @GetMapping("/workforce/plan.csv")
    void planCsv(@ModelAttribute PlanQuery query, HttpServletResponse response) throws IOException {
        Plan plan = exported(query);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + PlanExport.fileName(plan, "csv") + "\"");
        PlanExport.csv(plan, response.getWriter());
    }

    @GetMapping("/workforce/plan.xlsx")
    void planExcel(@ModelAttribute PlanQuery query, HttpServletResponse response) throws IOException {
        Plan plan = exported(query);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + PlanExport.fileName(plan, "xlsx") + "\"");
        PlanExport.excel(plan, response.getOutputStream());
    }

    private Plan exported(PlanQuery query) {
        return planning.plan(
                center(query.center()).id(),
                query.queue(),
                query.from(),
                query.days() == null ? 1 : query.days(),
                targets(
                        valueOr(query.serviceLevel(), 80),
                        valueOr(query.seconds(), 20),
                        valueOr(query.occupancy(), 90),
                        valueOr(query.shrinkage(), 30),
                        query.patience()));
    }

    private static double valueOr(@Nullable Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** "Try this plan": starts a simulation of the plan and shows its progress. */
    @PostMapping("/workforce/plan/simulations")
    String simulate(
            @RequestParam long center,
            @RequestParam String queue,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "1") int days,
            @RequestParam(defaultValue = "80") double serviceLevel,
            @RequestParam(defaultValue = "20") double seconds,
            @RequestParam(defaultValue = "90") double occupancy,
            @RequestParam(defaultValue = "30") double shrinkage,
            @RequestParam(required = false) @Nullable Double patience,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Center chosen = center(center);
        Plan plan = planning.plan(
                chosen.id(), queue, from, days, targets(serviceLevel, seconds, occupancy, shrinkage, patience));
        // The queue's real routing rules when this center routes it (wrap-up, strategy, minimum level).
        QueueSettings rules = routing.routes(CenterId.of(chosen.id()))
                ? routing.queues(CenterId.of(chosen.id())).stream()
                        .filter(q -> q.code().equals(plan.queue()))
                        .findFirst()
                        .orElse(null)
                : null;
        var run = simulations.start(plan, chosen.id(), chosen.timeZone(), rules);
        if (htmx == null) {
            return "redirect:/workforce/plan/simulations/" + run.id();
        }
        model.addAttribute("run", run);
        return "workforce/simulation :: panel";
    }

    @GetMapping("/workforce/plan/simulations/{id}")
    String simulation(
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var visible = centers.visibleTo(currentUsers.require()).stream()
                .map(Center::id)
                .toList();
        var run = simulations.find(id, visible).orElseThrow(() -> RequestRejected.notFound("unknown-simulation", id));
        model.addAttribute("run", run);
        if (run.comparison() != null) {
            model.addAttribute("comparisonJson", json.writeValueAsString(run.comparison()));
        }
        return htmx != null ? "workforce/simulation :: panel" : "workforce/simulation";
    }

    private static PlanTargets targets(
            double serviceLevel, double seconds, double occupancy, double shrinkage, @Nullable Double patience) {
        if (serviceLevel <= 0
                || serviceLevel >= 100
                || seconds < 0
                || occupancy <= 0
                || occupancy > 100
                || shrinkage < 0
                || shrinkage >= 100
                || (patience != null && patience <= 0)) {
            throw RequestRejected.badRequest("invalid-plan-targets");
        }
        return new PlanTargets(serviceLevel / 100, seconds, occupancy / 100, shrinkage / 100, patience);
    }

    private Center center(@Nullable Long requested) {
        return centers.chooseFor(currentUsers.require(), requested);
    }

    private void addCenters(Model model, Center chosen) {
        model.addAttribute("centers", centers.visibleTo(currentUsers.require()));
        model.addAttribute("center", chosen);
        model.addAttribute("today", LocalDate.now(clock.withZone(chosen.timeZone())));
    }
}
