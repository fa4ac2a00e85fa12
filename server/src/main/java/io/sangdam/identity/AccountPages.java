package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every user can do with their own account: change password and language. */
@Controller
class AccountPages {

    private final AccountAdministration administration;
    private final CurrentUsers currentUsers;
    private final LocaleResolver locales;

    AccountPages(AccountAdministration administration, CurrentUsers currentUsers, LocaleResolver locales) {
        this.administration = administration;
        this.currentUsers = currentUsers;
        this.locales = locales;
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmation,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        try {
            var session = request.getSession(false);
            administration.changeOwnPassword(
                    currentUsers.require(),
                    currentPassword,
                    newPassword,
                    confirmation,
                    request.getRemoteAddr(),
                    session == null ? null : session.getId());
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return "identity/password";
        }
        redirect.addFlashAttribute("noticeKey", "password.changed");
        return "redirect:/";
    }

    /** Switches the language now (cookie) and for every later sign-in (stored with the account). */
    @PostMapping("/account/language")
    String changeLanguage(
            @RequestParam String language,
            @RequestParam(defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        administration.changeLanguage(currentUsers.require(), language);
        locales.setLocale(request, response, Locale.forLanguageTag(language));
        // Only local paths, so the form cannot be used to bounce users to another site.
        boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\");
        return "redirect:" + (local ? returnTo : "/");
    }
}
