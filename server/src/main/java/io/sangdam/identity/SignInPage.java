package io.sangdam.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPage {

    private final SignInPolicy policy;

    SignInPage(SignInPolicy policy) {
        this.policy = policy;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) @Nullable String error, Model model) {
        if (error != null) {
            model.addAttribute("errorKey", switch (error) {
                case "locked" -> "login.error.locked";
                case "disabled" -> "login.error.disabled";
                default -> "login.error.bad";
            });
        }
        model.addAttribute("maximumFailures", policy.maximumFailures());
        model.addAttribute("lockMinutes", policy.lockDuration().toMinutes());
        return "identity/login";
    }
}
