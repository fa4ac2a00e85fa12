package io.sangdam.routing;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Routing administration for scripts: the same checks and the same live effect as the pages. */
@RestController
@RequestMapping("/api/routing")
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
@Tag(name = "routing administration", description = "Queues, skills, agent skills, not-ready reasons and chat capacity")
class RoutingAdminApi {

    private final RoutingAdministration administration;
    private final RoutingQueues queues;
    private final CenterRoutingRules rules;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    RoutingAdminApi(
            RoutingAdministration administration,
            RoutingQueues queues,
            CenterRoutingRules rules,
            CenterDirectory centers,
            CurrentUsers currentUsers) {
        this.administration = administration;
        this.queues = queues;
        this.rules = rules;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    private long visible(long center) {
        return centers.visibleTo(currentUsers.require(), center).id();
    }

    @GetMapping("/centers/{center}/queues")
    @Operation(summary = "A center's queues with skills, overflow and opening hours")
    List<QueueSettings> queues(@PathVariable long center) {
        return queues.of(visible(center));
    }

    @PostMapping("/centers/{center}/queues")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a queue; the running engine routes to it at once")
    QueueSettings createQueue(@PathVariable long center, @RequestBody RoutingAdministration.QueueForm form) {
        return administration.createQueue(visible(center), form);
    }

    @PutMapping("/queues/{id}")
    @Operation(summary = "Changes a queue (not its code or channel); applies to the running engine at once")
    QueueSettings updateQueue(@PathVariable long id, @RequestBody RoutingAdministration.QueueForm form) {
        QueueSettings queue = queues.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-queue", id));
        visible(queue.centerId());
        return administration.updateQueue(id, form);
    }

    record NewSkill(
            @Nullable String code,
            @Nullable String nameKorean,
            @Nullable String nameEnglish) {}

    @PostMapping("/skills")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a skill to the catalog every center shares")
    Skill addSkill(@RequestBody NewSkill skill) {
        return administration.addSkill(skill.code(), skill.nameKorean(), skill.nameEnglish());
    }

    record SkillChange(
            @Nullable String nameKorean,
            @Nullable String nameEnglish,
            @Nullable Boolean active) {}

    @PutMapping("/skills/{code}")
    @Operation(summary = "Renames a skill or (de)activates it")
    Skill changeSkill(@PathVariable String code, @RequestBody SkillChange change) {
        return administration.changeSkill(code, change.nameKorean(), change.nameEnglish(), change.active());
    }

    /** @param chatCapacity null: the center's default */
    record AgentRouting(
            @Nullable Map<String, Integer> skills, @Nullable Integer chatCapacity) {}

    @PutMapping("/agents/{agentId}")
    @Operation(summary = "Replaces an agent's skills (code to level 1-10) and own chat capacity (1-5)")
    AgentRouting setAgent(@PathVariable long agentId, @RequestBody AgentRouting change) {
        var agent = administration.agentOf(agentId);
        visible(agent.centerId());
        administration.setAgent(agent, change.skills() == null ? Map.of() : change.skills(), change.chatCapacity());
        return change;
    }

    record Capacity(@Nullable Integer chatCapacity) {}

    @PutMapping("/centers/{center}/chat-capacity")
    @Operation(summary = "The center's default chat capacity (1-5)")
    Capacity setCenterCapacity(@PathVariable long center, @RequestBody Capacity capacity) {
        administration.setCenterCapacity(visible(center), capacity.chatCapacity());
        return new Capacity(rules.centerCapacity(center));
    }

    /** @param rule {@code UNTIL_RECORDED} (the default) or {@code TIMED} */
    record WrapUp(@Nullable String rule) {}

    @GetMapping("/centers/{center}/wrap-up")
    @Operation(
            summary = "How the center's agents leave wrap-up: once their records are saved, or after the queue's time")
    WrapUp wrapUp(@PathVariable long center) {
        return new WrapUp(rules.wrapUpRule(visible(center)).name());
    }

    @PutMapping("/centers/{center}/wrap-up")
    @Operation(
            summary =
                    "Sets how the center's agents leave wrap-up (UNTIL_RECORDED or TIMED); from the next contact's end")
    WrapUp setWrapUp(@PathVariable long center, @RequestBody WrapUp wrapUp) {
        return new WrapUp(
                administration.setWrapUpRule(visible(center), wrapUp.rule()).name());
    }

    @GetMapping("/centers/{center}/not-ready-reasons")
    @Operation(summary = "The center's not-ready reasons, active or not")
    List<NotReadyReason> reasons(@PathVariable long center) {
        return rules.reasons(visible(center));
    }

    record NewReason(@Nullable String nameKorean, @Nullable String nameEnglish) {}

    @PostMapping("/centers/{center}/not-ready-reasons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a not-ready reason")
    List<NotReadyReason> addReason(@PathVariable long center, @RequestBody NewReason reason) {
        administration.addReason(visible(center), reason.nameKorean(), reason.nameEnglish());
        return rules.reasons(center);
    }

    record Active(@Nullable Boolean active) {}

    @PutMapping("/centers/{center}/not-ready-reasons/{id}")
    @Operation(summary = "(De)activates a not-ready reason")
    List<NotReadyReason> setReasonActive(@PathVariable long center, @PathVariable long id, @RequestBody Active active) {
        administration.setReasonActive(visible(center), id, !Boolean.FALSE.equals(active.active()));
        return rules.reasons(center);
    }
}
