package io.sangdam.workforce;

import io.sangdam.platform.RequestRejected;
import io.sangdam.workforce.StaffingQuestion.ShrinkagePart;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.databind.json.JsonMapper;

/** The planner's staffing calculator: inputs, the answer, and the curve around it. */
@Controller
@PreAuthorize(WorkforceConfiguration.PLANNING_ROLES)
class StaffingPages {

    private final StaffingCalculator calculator;
    private final JsonMapper json;

    StaffingPages(StaffingCalculator calculator, JsonMapper json) {
        this.calculator = calculator;
        this.json = json;
    }

    /**
     * The form as the planner typed it; percentages as people write them (80, not 0.8). Every field
     * is optional here so that a typo shows as a message next to the form, not as an error page.
     */
    record StaffingForm(
            @Nullable Double contacts,
            @Nullable Integer intervalMinutes,
            @Nullable Double ahtSeconds,
            @Nullable Double targetServiceLevelPercent,
            @Nullable Double targetSeconds,
            @Nullable Double patienceSeconds,
            @Nullable Double maxAsaSeconds,
            @Nullable Double maxAbandonmentPercent,
            @Nullable Double maxOccupancyPercent,
            @Nullable Double breaksPercent,
            @Nullable Double trainingPercent,
            @Nullable Double absencePercent,
            @Nullable Double coachingPercent,
            @Nullable Double otherPercent) {

        static StaffingForm defaults() {
            return new StaffingForm(1200.0, 30, 240.0, 80.0, 20.0, null, null, null, 90.0, 10.0, 5.0, 8.0, 4.0, 3.0);
        }
    }

    @GetMapping("/workforce/staffing")
    String calculator(Model model) {
        return answer(StaffingForm.defaults(), model, "workforce/staffing");
    }

    @PostMapping("/workforce/staffing")
    String calculate(
            @ModelAttribute StaffingForm form,
            BindingResult binding,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        String view = htmx != null ? "workforce/staffing :: result" : "workforce/staffing";
        if (binding.hasErrors()) {
            model.addAttribute("form", form);
            model.addAttribute("errorKey", "staffing.error.number");
            model.addAttribute(
                    "errorArguments",
                    new Object[] {binding.getFieldErrors().getFirst().getField()});
            return view;
        }
        return answer(form, model, view);
    }

    private String answer(StaffingForm form, Model model, String view) {
        model.addAttribute("form", form);
        try {
            StaffingAnswer answer = calculator.answer(question(form));
            model.addAttribute("answer", answer);
            model.addAttribute("curveJson", json.writeValueAsString(answer.curve()));
            model.addAttribute("totalShrinkagePercent", question(form).totalShrinkage() * 100);
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
        }
        return view;
    }

    private static StaffingQuestion question(StaffingForm form) {
        List<ShrinkagePart> shrinkage = new ArrayList<>();
        addShrinkage(shrinkage, "breaks", form.breaksPercent());
        addShrinkage(shrinkage, "training", form.trainingPercent());
        addShrinkage(shrinkage, "absence", form.absencePercent());
        addShrinkage(shrinkage, "coaching", form.coachingPercent());
        addShrinkage(shrinkage, "other", form.otherPercent());
        return new StaffingQuestion(
                require("contacts", form.contacts()),
                requireInterval(form.intervalMinutes()),
                require("ahtSeconds", form.ahtSeconds()),
                require("targetServiceLevelPercent", form.targetServiceLevelPercent()) / 100,
                require("targetSeconds", form.targetSeconds()),
                form.patienceSeconds(),
                form.maxAsaSeconds(),
                form.maxAbandonmentPercent() == null ? null : form.maxAbandonmentPercent() / 100,
                form.maxOccupancyPercent() == null ? 1.0 : form.maxOccupancyPercent() / 100,
                shrinkage);
    }

    private static void addShrinkage(List<ShrinkagePart> shrinkage, String category, @Nullable Double percent) {
        if (percent != null && percent != 0) {
            shrinkage.add(new ShrinkagePart(category, percent / 100));
        }
    }

    private static double require(String field, @Nullable Double value) {
        if (value == null) {
            throw RequestRejected.badRequest("missing-parameter", field);
        }
        return value;
    }

    private static int requireInterval(@Nullable Integer minutes) {
        if (minutes == null || minutes < 1 || minutes > 1440) {
            throw RequestRejected.badRequest("invalid-parameter", "intervalMinutes");
        }
        return minutes;
    }
}
