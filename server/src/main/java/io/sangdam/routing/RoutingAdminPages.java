package io.sangdam.routing;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CenterSettingsOutcome;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.RequestRejected;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
 * The routing pages besides queues: the skill catalog, agents' skills and chat capacity (by team),
 * the center's not-ready reasons and default chat capacity. Every change reaches the live engine.
 */
@Controller
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
class RoutingAdminPages {

    private final RoutingAdministration administration;
    private final Skills skills;
    private final CenterRoutingRules rules;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Staff staff;
    private final QueuePages queuePages;

    RoutingAdminPages(
            RoutingAdministration administration,
            Skills skills,
            CenterRoutingRules rules,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            Staff staff,
            QueuePages queuePages) {
        this.administration = administration;
        this.skills = skills;
        this.rules = rules;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.staff = staff;
        this.queuePages = queuePages;
    }

    // ------------------------------------------------------------------ skill catalog

    @GetMapping("/skills/catalog")
    String catalog(Model model) {
        model.addAttribute("skills", skills.all());
        return "routing/skill-catalog";
    }

    @PostMapping("/skills/catalog")
    String addSkill(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String nameKorean,
            @RequestParam(required = false) @Nullable String nameEnglish,
            RedirectAttributes redirect,
            Locale locale) {
        attempt(redirect, locale, "skills.catalog.added", () -> administration.addSkill(code, nameKorean, nameEnglish));
        return "redirect:/skills/catalog";
    }

    @PostMapping("/skills/catalog/{code}")
    String changeSkill(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String nameKorean,
            @RequestParam(required = false) @Nullable String nameEnglish,
            @RequestParam(required = false) @Nullable String active,
            RedirectAttributes redirect,
            Locale locale) {
        attempt(
                redirect,
                locale,
                "skills.catalog.saved",
                () -> administration.changeSkill(code, nameKorean, nameEnglish, active != null));
        return "redirect:/skills/catalog";
    }

    // ------------------------------------------------------------------ agents' skills

    /** One team's agents (or the whole center's) with every skill: the bulk view; a row is one agent. */
    @GetMapping("/agent-skills")
    String agentSkills(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String team,
            Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        List<StaffMember> agents = staff.inCenter(chosen.id()).stream()
                .filter(m -> m.enabled() && m.has(Role.AGENT))
                .toList();
        List<String> teams = agents.stream()
                .map(StaffMember::team)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        String chosenTeam = team != null && teams.contains(team) ? team : teams.isEmpty() ? null : teams.getFirst();
        List<StaffMember> shown = agents.stream()
                .filter(a -> Objects.equals(a.team(), chosenTeam))
                .toList();
        Map<Long, Map<String, Integer>> levels = new HashMap<>();
        skills.ofAgents(shown.stream().map(StaffMember::id).toList())
                .forEach(h -> levels.computeIfAbsent(h.agentId(), k -> new HashMap<>())
                        .put(h.skill().code(), h.level()));
        Map<Long, Integer> capacities =
                rules.agentCapacities(shown.stream().map(StaffMember::id).toList());
        List<AgentRow> rows = new ArrayList<>();
        for (StaffMember agent : shown) {
            rows.add(new AgentRow(
                    agent.id(),
                    agent.username(),
                    agent.displayName(),
                    levels.getOrDefault(agent.id(), Map.of()),
                    capacities.get(agent.id())));
        }
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("teams", teams);
        model.addAttribute("team", chosenTeam);
        model.addAttribute("rows", rows);
        model.addAttribute("skills", skills.all());
        model.addAttribute("centerCapacity", rules.centerCapacity(chosen.id()));
        return "routing/agent-skills";
    }

    /** An agent's row: skill code to level, and their own chat capacity (null follows the center). */
    public record AgentRow(
            long id,
            String username,
            String displayName,
            Map<String, Integer> levels,
            @Nullable Integer chatCapacity) {

        public @Nullable Integer level(String skill) {
            return levels.get(skill);
        }
    }

    /** Saves every agent of the form: fields {@code level-<agent>-<skill>} and {@code capacity-<agent>}. */
    @PostMapping("/agent-skills")
    String saveAgentSkills(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        centers.visibleTo(currentUsers.require(), center);
        attempt(redirect, locale, "agent-skills.saved", () -> {
            List<RoutingAdministration.AgentChange> changes = new ArrayList<>();
            for (String agentId : form.getOrDefault("agent", List.of())) {
                Integer id = QueuePages.number("agent", agentId);
                StaffMember agent = administration.agentOf(id == null ? 0 : id);
                Map<String, Integer> levels = new HashMap<>();
                for (Skill skill : skills.all()) {
                    Integer level =
                            QueuePages.number("level", form.getFirst("level-" + agent.id() + "-" + skill.code()));
                    if (level != null) {
                        levels.put(skill.code(), level);
                    }
                }
                changes.add(new RoutingAdministration.AgentChange(
                        agent, levels, QueuePages.number("capacity", form.getFirst("capacity-" + agent.id()))));
            }
            administration.setAgents(center, changes);
            return null;
        });
        return "redirect:/agent-skills?center=" + center
                + (team == null
                        ? ""
                        : "&team=" + java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ not-ready reasons, default capacity

    @GetMapping("/routing-settings")
    String settings(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("reasons", rules.reasons(chosen.id()));
        model.addAttribute("centerCapacity", rules.centerCapacity(chosen.id()));
        return "routing/settings";
    }

    /** The wrap-up section's form, on the center-settings page, which it answers to. */
    @PostMapping("/routing-settings/wrap-up")
    String saveWrapUp(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String rule,
            RedirectAttributes redirect,
            Locale locale) {
        centers.visibleTo(currentUsers.require(), center);
        try {
            administration.setWrapUpRule(center, rule);
        } catch (RequestRejected rejected) {
            return CenterSettingsOutcome.refused(
                    redirect, WrapUpRuleSection.SECTION, center, queuePages.problem(rejected, locale));
        }
        return CenterSettingsOutcome.saved(redirect, WrapUpRuleSection.SECTION, center, "routing-settings.saved");
    }

    @PostMapping("/routing-settings/capacity")
    String saveCapacity(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String chatCapacity,
            RedirectAttributes redirect,
            Locale locale) {
        centers.visibleTo(currentUsers.require(), center);
        attempt(redirect, locale, "routing-settings.saved", () -> {
            administration.setCenterCapacity(center, QueuePages.number("chatCapacity", chatCapacity));
            return null;
        });
        return "redirect:/routing-settings?center=" + center;
    }

    @PostMapping("/routing-settings/reasons")
    String addReason(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable String nameKorean,
            @RequestParam(required = false) @Nullable String nameEnglish,
            RedirectAttributes redirect,
            Locale locale) {
        centers.visibleTo(currentUsers.require(), center);
        attempt(redirect, locale, "routing-settings.saved", () -> {
            administration.addReason(center, nameKorean, nameEnglish);
            return null;
        });
        return "redirect:/routing-settings?center=" + center;
    }

    @PostMapping("/routing-settings/reasons/{id}")
    String setReasonActive(
            @RequestParam long center,
            @PathVariable long id,
            @RequestParam boolean active,
            RedirectAttributes redirect,
            Locale locale) {
        centers.visibleTo(currentUsers.require(), center);
        attempt(redirect, locale, "routing-settings.saved", () -> {
            administration.setReasonActive(center, id, active);
            return null;
        });
        return "redirect:/routing-settings?center=" + center;
    }

    private void attempt(
            RedirectAttributes redirect, Locale locale, String notice, java.util.function.Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("noticeKey", notice);
        } catch (RequestRejected rejected) {
            redirect.addFlashAttribute("problem", queuePages.problem(rejected, locale));
        }
    }
}
