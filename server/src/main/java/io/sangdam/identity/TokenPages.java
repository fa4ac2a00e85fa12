package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each user's API tokens: make one (shown once), see them, revoke one. Administrators also make
 * service tokens for another account and see everyone's.
 */
@Controller
class TokenPages {

    private final ApiTokens tokens;
    private final Centers centers;
    private final CurrentUsers currentUsers;

    TokenPages(ApiTokens tokens, Centers centers, CurrentUsers currentUsers) {
        this.tokens = tokens;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/account/tokens")
    String list(Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("tokens", tokens.visibleTo(user));
        model.addAttribute(
                "centers",
                centers.all().stream().filter(c -> user.canSee(c.id())).toList());
        model.addAttribute("centerNames", centers.all().stream().collect(Collectors.toMap(Center::id, Center::name)));
        model.addAttribute(
                "roles",
                user.has(Role.ADMINISTRATOR)
                        ? List.of(Role.values())
                        : user.roles().stream().sorted().toList());
        model.addAttribute("administrator", user.has(Role.ADMINISTRATOR));
        model.addAttribute("myCenter", user.centerId());
        model.addAttribute("maximumDays", ApiTokens.MAXIMUM_DAYS);
        model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
        model.addAttribute("zone", ZoneId.of("Asia/Seoul"));
        return "identity/tokens";
    }

    /** Answers with the page itself, not a redirect, so the secret is never kept in the session. */
    @PostMapping("/account/tokens")
    String create(
            @RequestParam String name,
            @RequestParam(required = false) @Nullable List<Role> scopes,
            @RequestParam(required = false) @Nullable Long centerId,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String account,
            Model model) {
        try {
            Set<Role> chosen = scopes == null || scopes.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(scopes);
            var issued = tokens.issue(currentUsers.require(), account, name, chosen, centerId, days);
            model.addAttribute("issued", issued.token());
            model.addAttribute("secret", issued.secret());
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            model.addAttribute("formName", name);
        }
        return list(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(currentUsers.require(), id);
        redirect.addFlashAttribute("noticeKey", "tokens.revoked");
        return "redirect:/account/tokens";
    }
}
