package io.sangdam.routing;

import io.sangdam.engine.routing.SelectionStrategy;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A center's queues: the skill they need, how agents are chosen, the service-level target and
 * wrap-up. Changes apply when the center's routing engine next starts (it is rebuilt from its log
 * with the configuration of that moment), which the page says.
 */
@Controller
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
class QueuePages {

    private final RoutingQueues queues;
    private final SkillDirectory skills;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    QueuePages(RoutingQueues queues, SkillDirectory skills, CenterDirectory centers, CurrentUsers currentUsers) {
        this.queues = queues;
        this.skills = skills;
        this.centers = centers;
        this.currentUsers = currentUsers;
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
        return "routing/queues";
    }

    @PostMapping("/queues/{id}")
    String update(@PathVariable long id, @RequestParam String name, @RequestParam String requiredSkill,
            @RequestParam int minimumLevel, @RequestParam int priority, @RequestParam double serviceLevelPercent,
            @RequestParam int serviceLevelSeconds, @RequestParam SelectionStrategy strategy, @RequestParam int wrapUpSeconds,
            RedirectAttributes redirect) {
        QueueSettings queue = queues.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-queue", id));
        centers.visibleTo(currentUsers.require(), queue.centerId());
        if (name.isBlank() || name.length() > 100 || minimumLevel < 1 || minimumLevel > 10 || priority < 0 || priority > 100
                || serviceLevelPercent <= 0 || serviceLevelPercent > 100 || serviceLevelSeconds < 0 || wrapUpSeconds < 0
                || wrapUpSeconds > 3600 || skills.all().stream().noneMatch(s -> s.code().equals(requiredSkill))) {
            throw RequestRejected.badRequest("invalid-queue-settings");
        }
        queues.update(id, name.strip(), requiredSkill, minimumLevel, priority, serviceLevelPercent, serviceLevelSeconds,
                strategy.name(), wrapUpSeconds);
        redirect.addFlashAttribute("noticeKey", "queues.saved");
        return "redirect:/queues?center=" + queue.centerId();
    }
}
