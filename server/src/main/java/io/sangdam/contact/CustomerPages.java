package io.sangdam.contact;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'QA_EVALUATOR', 'PROTECTION_TEAM')")
class CustomerPages {

    static final int HISTORY_LENGTH = 50;

    private final CustomerDirectory directory;
    private final CurrentUsers currentUsers;
    private final ConsultationRecords records;

    private final CenterDirectory centers;

    CustomerPages(
            CustomerDirectory directory,
            CurrentUsers currentUsers,
            ConsultationRecords records,
            CenterDirectory centers) {
        this.centers = centers;
        this.records = records;
        this.directory = directory;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/customers")
    String search(
            @RequestParam(required = false) @Nullable String q,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        List<MaskedCustomer> found = List.of();
        if (q != null && !q.isBlank()) {
            try {
                found = directory.search(q);
            } catch (RequestRejected rejected) {
                model.addAttribute("errorKey", "problem." + rejected.code());
            }
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("customers", found);
        model.addAttribute("searched", q != null && !q.isBlank());
        model.addAttribute("total", directory.count());
        return htmx != null ? "contact/customers :: results" : "contact/customers";
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("customer", directory.view(id));
        // After the logged view: the history is part of what that view showed.
        model.addAttribute("consultations", records.ofCustomer(id, HISTORY_LENGTH));
        model.addAttribute(
                "zone", centers.get(currentUsers.require().centerId()).timeZone());
        model.addAttribute(
                "canUnmask", currentUsers.require().hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.PROTECTION_TEAM));
        return "contact/customer";
    }

    @PostMapping("/customers/{id}/unmask")
    String unmask(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model) {
        try {
            model.addAttribute("unmasked", directory.unmask(id, reason));
        } catch (RequestRejected rejected) {
            if (!"reason-required".equals(rejected.code()) && !"reason-too-long".equals(rejected.code())) {
                throw rejected;
            }
            model.addAttribute("errorKey", "problem." + rejected.code());
            model.addAttribute("errorArguments", rejected.arguments());
        }
        return show(id, model);
    }
}
