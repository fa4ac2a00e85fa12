package io.sangdam.protection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('PROTECTION_TEAM')")
@Tag(name = "protection", description = "Abusive-language detection (감정노동 보호)")
class RegistryApi {

    static final int MAXIMUM_RESULTS = 200;

    private final AbusiveCustomers registry;

    RegistryApi(AbusiveCustomers registry) {
        this.registry = registry;
    }

    @GetMapping("/api/protection/incidents/{conversation}/review")
    @Operation(
            summary =
                    "A flagged contact as the protection team reviews it: the linked customer (masked; logged) and the"
                            + " flagged messages")
    AbusiveCustomers.Review review(@PathVariable String conversation) {
        return registry.review(conversation);
    }

    @GetMapping("/api/protection/registry")
    @Operation(
            summary = "The abusive-customer registry: active entries, or all with all=true; q matches label, category,"
                    + " customer id or conversation")
    List<AbusiveCustomers.Registration> search(
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Boolean all) {
        return registry.search(q, Boolean.TRUE.equals(all), MAXIMUM_RESULTS);
    }

    record NewRegistryEntry(
            @NotBlank @Size(max = 64) String conversation,
            @NotBlank @Size(max = 30) String category,
            @Nullable List<Long> evidence,
            @NotNull LocalDate expiresOn,
            @Nullable @Size(max = 1000) String note) {}

    @PostMapping("/api/protection/registry")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Register the customer of a flagged contact, with evidence (ids of flagged messages) and an expiry")
    AbusiveCustomers.Registration register(@Valid @RequestBody NewRegistryEntry entry) {
        return registry.register(new AbusiveCustomers.NewRegistration(
                entry.conversation(),
                entry.category(),
                entry.evidence() == null ? List.of() : entry.evidence(),
                entry.expiresOn(),
                entry.note()));
    }

    record Lift(@Nullable String reason) {}

    @PostMapping("/api/protection/registry/{id}/lift")
    @Operation(summary = "Lift an entry before its expiry, with a reason")
    AbusiveCustomers.Registration lift(@PathVariable long id, @RequestBody Lift lift) {
        return registry.lift(id, lift.reason());
    }
}
