package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages: find, create, change, deactivate and unlock users. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationPages {

    static final int PAGE_SIZE = 50;

    private final Accounts accounts;
    private final Centers centers;
    private final AccountAdministration administration;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    AdministrationPages(
            Accounts accounts,
            Centers centers,
            AccountAdministration administration,
            CurrentUsers currentUsers,
            Clock clock) {
        this.accounts = accounts;
        this.centers = centers;
        this.administration = administration;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable Boolean enabled,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        int safePage = Math.min(Math.max(page, 0), 100_000);
        var result = accounts.search(new AccountFilter(center, role, text, enabled), safePage * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("accounts", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", safePage);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("centers", centers.all());
        model.addAttribute(
                "centerNames",
                centers.all().stream().collect(java.util.stream.Collectors.toMap(Center::id, Center::name)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("filter", new AccountFilter(center, role, text, enabled));
        model.addAttribute("now", clock.instant());
        // htmx asks for the table only when the filter changes; a plain request gets the whole page.
        return htmx != null ? "identity/users :: table" : "identity/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("centers", centers.all());
        model.addAttribute("roles", Role.values());
        return "identity/user-new";
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam long centerId,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable List<Role> roles,
            @RequestParam(defaultValue = "ko") String language,
            @RequestParam String password,
            Model model,
            RedirectAttributes redirect) {
        try {
            long id = administration.create(username, displayName, centerId, team, toSet(roles), language, password);
            redirect.addFlashAttribute("noticeKey", "admin.user.created");
            return "redirect:/admin/users/" + id;
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            model.addAttribute("form", new Form(username, displayName, centerId, team, toSet(roles), language));
            return newUser(model);
        }
    }

    record Form(
            String username,
            String displayName,
            long centerId,
            @Nullable String team,
            Set<Role> roles,
            String language) {}

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Account account = accounts.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-account", id));
        model.addAttribute("account", account);
        model.addAttribute("locked", account.lockedAt(clock.instant()));
        model.addAttribute("centers", centers.all());
        model.addAttribute("roles", Role.values());
        return "identity/user";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @RequestParam String displayName,
            @RequestParam long centerId,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable List<Role> roles,
            Model model,
            RedirectAttributes redirect) {
        try {
            administration.update(currentUsers.require(), id, displayName, centerId, team, toSet(roles));
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return show(id, model);
        }
        redirect.addFlashAttribute("noticeKey", "admin.user.saved");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        administration.deactivate(currentUsers.require(), id);
        redirect.addFlashAttribute("noticeKey", "admin.user.deactivated");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        administration.activate(id);
        redirect.addFlashAttribute("noticeKey", "admin.user.activated");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        administration.unlock(id);
        redirect.addFlashAttribute("noticeKey", "admin.user.unlocked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id, @RequestParam String password, Model model, RedirectAttributes redirect) {
        try {
            administration.resetPassword(id, password);
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return show(id, model);
        }
        redirect.addFlashAttribute("noticeKey", "admin.user.password-reset");
        return "redirect:/admin/users/" + id;
    }

    private static Set<Role> toSet(@Nullable List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
