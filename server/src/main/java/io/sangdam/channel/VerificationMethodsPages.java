package io.sangdam.channel;

import io.sangdam.contact.CustomerDirectory;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a center manager (or an administrator) chooses how agents verify a chat's claimed customer. */
@Controller
@RequestMapping("/customer-verification")
@PreAuthorize("hasAnyRole('CENTER_MANAGER', 'ADMINISTRATOR')")
class VerificationMethodsPages {

    /** Times on the page are Korean, wherever the server runs. */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Seoul");

    private final VerificationMethods methods;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final CustomerDirectory customers;
    private final Clock clock;

    VerificationMethodsPages(
            VerificationMethods methods,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            CustomerDirectory customers,
            Clock clock) {
        this.methods = methods;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.customers = customers;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.chooseFor(user, center);
        model.addAttribute("centers", centers.partnersVisibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("setting", methods.of(chosen.id()));
        model.addAttribute("methods", VerificationMethods.Method.values());
        model.addAttribute("sendsCodes", customers.sendsCodes());
        model.addAttribute("zone", ZONE);
        return "channel/customer-verification";
    }

    @PostMapping
    String save(
            @RequestParam long center,
            @RequestParam(required = false) @Nullable List<VerificationMethods.Method> method,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Center chosen = centers.visibleTo(user, center);
        List<VerificationMethods.Method> wanted = method == null ? List.of() : method;
        try {
            if (wanted.contains(VerificationMethods.Method.ONE_TIME_CODE) && !customers.sendsCodes()) {
                throw RequestRejected.badRequest("sms-unavailable");
            }
            methods.choose(chosen.id(), wanted, user.username(), clock.instant());
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return show(chosen.id(), model);
        }
        redirect.addFlashAttribute("noticeKey", "verification.saved");
        redirect.addAttribute("center", chosen.id());
        return "redirect:/customer-verification";
    }
}
