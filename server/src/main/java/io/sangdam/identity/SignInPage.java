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
    String signIn(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable Long wait,
            Model model) {
        if (error != null) {
            model.addAttribute(
                    "errorKey",
                    switch (error) {
                        case "locked" -> "login.error.locked";
                        case "disabled" -> "login.error.disabled";
                        case "throttled" -> "login.error.throttled";
                        default -> "login.error.bad";
                    });
        }
        // Only a number is echoed, never text from the address bar.
        model.addAttribute(
                "waitSeconds",
                wait == null ? 1 : Math.clamp(wait, 1, policy.addressDelayCap().toSeconds()));
        model.addAttribute("freeFailures", policy.accountFreeFailures());
        return "identity/login";
    }
}
