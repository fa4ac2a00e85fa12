package io.sangdam.channel;

import io.sangdam.contact.MaskedCustomer;
import io.sangdam.contact.UnmaskedCustomer;
import io.sangdam.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer panel of a chat, for the agent who holds it: on the desk (session) and, for
 * integrations and tests, under /api with HTTP Basic.
 */
@RestController
@RequestMapping({"/desk/api/conversations/{conversation}/customer", "/api/conversations/{conversation}/customer"})
@PreAuthorize("hasRole('AGENT')")
@Tag(name = "desk", description = "The customer panel beside a chat: masked customer, earlier contacts and records")
class CustomerPanelApi {

    private final CustomerPanel panel;
    private final CurrentUsers currentUsers;

    CustomerPanelApi(CustomerPanel panel, CurrentUsers currentUsers) {
        this.panel = panel;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @Operation(
            summary = "The customer of a chat the agent holds: while only claimed (a typed number, a search), masked"
                    + " name and phone to verify; once verified, masked, with earlier contacts and consultation"
                    + " records; logged")
    CustomerPanel.Panel view(@PathVariable String conversation) {
        return panel.view(currentUsers.require(), conversation);
    }

    @GetMapping("/search")
    @Operation(summary = "Search customers to link to the chat (masked results; the search is logged)")
    List<MaskedCustomer> search(@PathVariable String conversation, @RequestParam String q) {
        return panel.search(currentUsers.require(), conversation, q);
    }

    record Link(@NotNull Long customerId) {}

    @PostMapping
    @Operation(
            summary =
                    "Link a customer to the chat, as a claim the agent then verifies; once verified, the consultation "
                            + "record carries the customer too")
    CustomerPanel.Panel link(@PathVariable String conversation, @Valid @RequestBody Link link) {
        return panel.link(currentUsers.require(), conversation, link.customerId());
    }

    /** {@code answer}: what the customer told the agent: a date of birth as {@code 1985-03-14}, or the six-digit code. */
    record Verify(
            @NotNull VerificationMethods.Method method,
            @Nullable @Size(max = 40) String answer) {}

    @PostMapping("/verification")
    @Operation(
            summary =
                    "Verify the claimed customer with what they told the agent (date of birth, one-time code); at most"
                        + " 3 failures per chat, each attempt logged; 422 verification-failed with the attempts left")
    CustomerPanel.Panel verify(@PathVariable String conversation, @Valid @RequestBody Verify verify) {
        return panel.verify(currentUsers.require(), conversation, verify.method(), verify.answer());
    }

    @PostMapping("/verification/code")
    @Operation(
            summary = "Send a one-time code by SMS to the claimed customer's phone on record (where the center allows "
                    + "codes and an SMS gateway is configured); the customer reads it back for POST …/verification")
    CustomerPanel.Panel sendCode(@PathVariable String conversation) {
        return panel.sendCode(currentUsers.require(), conversation);
    }

    record Unmask(@Nullable String reason) {}

    @PostMapping("/unmask")
    @Operation(summary = "The chat's verified customer in the clear; needs a reason, written to the access log")
    UnmaskedCustomer unmask(@PathVariable String conversation, @RequestBody Unmask unmask) {
        return panel.unmask(currentUsers.require(), conversation, unmask.reason());
    }
}
