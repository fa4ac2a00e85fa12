package io.sangdam.protection;

import io.sangdam.platform.RequestRejected;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The protection team's registry: register the customer of a reviewed incident, search, lift. */
@Controller
@PreAuthorize("hasRole('PROTECTION_TEAM')")
class RegistryPages {

    static final int DEFAULT_MONTHS = 6;

    private final AbusiveCustomers registry;

    RegistryPages(AbusiveCustomers registry) {
        this.registry = registry;
    }

    @GetMapping("/incidents/{conversation}/register")
    String form(@PathVariable String conversation, Model model) {
        AbusiveCustomers.Review review = registry.review(conversation);
        model.addAttribute("review", review);
        model.addAttribute("conversation", conversation);
        Set<String> categories = new LinkedHashSet<>();
        review.flagged().forEach(line -> categories.addAll(line.categories()));
        for (var category : io.sangdam.engine.protection.AbuseCategory.values()) {
            categories.add(category.name());
        }
        model.addAttribute("categories", List.copyOf(categories));
        if (!model.containsAttribute("expiresOn")) {
            model.addAttribute(
                    "expiresOn", registry.today().plusMonths(DEFAULT_MONTHS).toString());
        }
        model.addAttribute("zone", AbusiveCustomers.ZONE);
        return "protection/register";
    }

    @PostMapping("/incidents/{conversation}/register")
    String register(
            @PathVariable String conversation,
            @RequestParam(required = false) @Nullable List<Long> evidence,
            @RequestParam String category,
            @RequestParam String expiresOn,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        try {
            LocalDate expiry;
            try {
                expiry = LocalDate.parse(expiresOn);
            } catch (DateTimeParseException notADate) {
                throw RequestRejected.badRequest("invalid-expiry", AbusiveCustomers.MAXIMUM_MONTHS);
            }
            var registration = registry.register(new AbusiveCustomers.NewRegistration(
                    conversation, category, evidence == null ? List.of() : evidence, expiry, note));
            return "redirect:/registry?q=" + registration.customerId();
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            model.addAttribute("expiresOn", expiresOn);
            return form(conversation, model);
        }
    }

    @GetMapping("/registry")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean all,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("all", Boolean.TRUE.equals(all));
        model.addAttribute("entries", registry.search(q, Boolean.TRUE.equals(all), RegistryApi.MAXIMUM_RESULTS));
        model.addAttribute("today", registry.today());
        model.addAttribute("zone", AbusiveCustomers.ZONE);
        return "protection/registry";
    }

    @PostMapping("/registry/{id}/lift")
    String lift(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model) {
        try {
            registry.lift(id, reason);
            return "redirect:/registry?all=true";
        } catch (RequestRejected rejected) {
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
            return list(null, true, model);
        }
    }
}
