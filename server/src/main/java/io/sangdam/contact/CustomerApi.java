package io.sangdam.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "customers", description = "Customer look-up; personal data masked unless unmasked with a reason")
class CustomerApi {

    private final CustomerDirectory directory;

    CustomerApi(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Search by customer number, last four phone digits, phone number or name; masked")
    List<MaskedCustomer> search(@RequestParam String q) {
        return directory.search(q);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One customer, masked; the view is written to the access log")
    MaskedCustomer view(@PathVariable long id) {
        return directory.view(id);
    }

    record UnmaskRequest(@Nullable String reason) {}

    @PostMapping("/{id}/unmask")
    @Operation(summary = "One customer in the clear; needs a reason, written to the access log")
    UnmaskedCustomer unmask(@PathVariable long id, @RequestBody UnmaskRequest request) {
        return directory.unmask(id, request.reason());
    }
}
