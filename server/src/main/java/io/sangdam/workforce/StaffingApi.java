package io.sangdam.workforce;

import io.sangdam.engine.queueing.QueueMeasures;
import io.sangdam.workforce.StaffingAnswer.QueueModel;
import io.sangdam.workforce.StaffingQuestion.ShrinkagePart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workforce")
@PreAuthorize(WorkforceConfiguration.PLANNING_ROLES)
@Tag(name = "workforce", description = "Staffing (적정인원 산정) with Erlang C and Erlang A")
class StaffingApi {

    private final StaffingCalculator calculator;

    StaffingApi(StaffingCalculator calculator) {
        this.calculator = calculator;
    }

    record StaffingRequestBody(
            @NotNull @PositiveOrZero @DecimalMax(MAXIMUM_CONTACTS)
            Double contacts,

            @NotNull @Min(1) @Max(1440) Integer intervalMinutes,
            @NotNull @Positive @DecimalMax(MAXIMUM_SECONDS) Double ahtSeconds,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double targetServiceLevel,

            @NotNull @PositiveOrZero @DecimalMax(MAXIMUM_SECONDS)
            Double targetSeconds,

            @Nullable @Positive @DecimalMax(MAXIMUM_SECONDS) Double patienceSeconds,
            @Nullable @Positive @DecimalMax(MAXIMUM_SECONDS) Double maxAsaSeconds,
            @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double maxAbandonment,

            @Nullable @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0")
            Double maxOccupancy,

            @Nullable @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
            Double shrinkage,

            @Nullable @Size(max = 20) List<@Valid ShrinkageBody> shrinkageCategories) {}

    // The ranges of StaffingLimits, as the validation annotations need them: constants.
    static final String MAXIMUM_CONTACTS = "1000000";
    static final String MAXIMUM_SECONDS = "86400";

    record ShrinkageBody(
            @NotBlank String category,

            @NotNull @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
            Double fraction) {}

    record StaffingResponse(
            int agents,
            int headcount,
            double serviceLevel,
            @Nullable Double asa,
            double occupancy,
            double probabilityOfWaiting,
            @Nullable Double abandonment,
            QueueModel model,
            boolean targetMet,
            double erlangs,
            String serviceLevelRule,
            List<StaffingAnswer.CurvePoint> curve) {}

    @PostMapping("/staffing")
    @Operation(
            summary = "The fewest agents for a service level in one interval, and the headcount after shrinkage",
            description = "Erlang C; Erlang A (with abandonment) when patienceSeconds is given.")
    StaffingResponse staffing(@Valid @RequestBody StaffingRequestBody body) {
        List<ShrinkagePart> shrinkage = new ArrayList<>();
        if (body.shrinkage() != null && body.shrinkage() > 0) {
            shrinkage.add(new ShrinkagePart("total", body.shrinkage()));
        }
        if (body.shrinkageCategories() != null) {
            body.shrinkageCategories().forEach(c -> shrinkage.add(new ShrinkagePart(c.category(), c.fraction())));
        }
        StaffingAnswer answer = calculator.answer(new StaffingQuestion(
                body.contacts(),
                body.intervalMinutes(),
                body.ahtSeconds(),
                body.targetServiceLevel(),
                body.targetSeconds(),
                body.patienceSeconds(),
                body.maxAsaSeconds(),
                body.maxAbandonment(),
                body.maxOccupancy() == null ? 1.0 : body.maxOccupancy(),
                shrinkage));
        double asa = answer.averageSpeedOfAnswerSeconds();
        return new StaffingResponse(
                answer.agents(),
                answer.headcount(),
                answer.serviceLevel(),
                Double.isFinite(asa) ? asa : null,
                answer.occupancy(),
                answer.probabilityOfWaiting(),
                answer.abandonment(),
                answer.model(),
                answer.targetMet(),
                answer.erlangs(),
                answer.serviceLevelRule(),
                answer.curve());
    }

    record ErlangResponse(
            QueueModel model,
            int agents,
            double erlangs,
            double probabilityOfWaiting,
            double serviceLevel,
            @Nullable Double asa,
            double occupancy,
            @Nullable Double abandonment,
            String serviceLevelRule) {}

    @GetMapping("/erlang")
    @Operation(summary = "Raw Erlang C or Erlang A measures for a given number of agents")
    ErlangResponse erlang(
            @RequestParam String model,
            @RequestParam @Min(1) @Max(StaffingLimits.MAXIMUM_AGENTS) int agents,
            @RequestParam @PositiveOrZero @DecimalMax(MAXIMUM_CONTACTS) double contacts,
            @RequestParam(defaultValue = "30") @Min(1) @Max(1440) int intervalMinutes,
            @RequestParam @Positive @DecimalMax(MAXIMUM_SECONDS) double ahtSeconds,
            @RequestParam(defaultValue = "20") @PositiveOrZero @DecimalMax(MAXIMUM_SECONDS) double targetSeconds,
            @RequestParam(required = false) @Nullable @Positive @DecimalMax(MAXIMUM_SECONDS) Double patienceSeconds) {
        QueueModel queueModel = switch (model.strip().toUpperCase()) {
            case "C" -> QueueModel.ERLANG_C;
            case "A" -> QueueModel.ERLANG_A;
            default -> throw io.sangdam.platform.RequestRejected.badRequest("invalid-parameter", "model");
        };
        QueueMeasures measures = calculator.measures(
                queueModel, agents, contacts, intervalMinutes, ahtSeconds, targetSeconds, patienceSeconds);
        double asa = measures.averageSpeedOfAnswerSeconds();
        return new ErlangResponse(
                queueModel,
                agents,
                measures.erlangs(),
                measures.probabilityOfWaiting(),
                measures.serviceLevel(),
                Double.isFinite(asa) ? asa : null,
                measures.occupancy(),
                queueModel == QueueModel.ERLANG_A ? measures.abandonment() : null,
                measures.serviceLevelRule().describe());
    }
}
