package io.sangdam.channel;

import io.sangdam.contact.CustomerDirectory;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The center's choice of how agents verify a chat's claimed customer: read by anyone who sees the center, set by its manager. */
@RestController
@RequestMapping("/api/centers/{center}/customer-verification")
@Tag(name = "desk", description = "The customer panel beside a chat: masked customer, earlier contacts and records")
class VerificationMethodsApi {

    private final VerificationMethods methods;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final CustomerDirectory customers;

    VerificationMethodsApi(
            VerificationMethods methods,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            Clock clock,
            CustomerDirectory customers) {
        this.customers = customers;
        this.methods = methods;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "How the center's agents may verify a chat's claimed customer (default: date of birth)")
    VerificationMethods.Setting get(@PathVariable long center) {
        return methods.of(centers.visibleTo(currentUsers.require(), center).id());
    }

    record Choice(@NotNull List<VerificationMethods.@NotNull Method> methods) {}

    @PutMapping
    @Operation(
            summary = "Set the methods (center manager of that center, or an administrator); at least one; "
                    + "ONE_TIME_CODE only where an SMS gateway is configured")
    VerificationMethods.Setting set(@PathVariable long center, @Valid @RequestBody Choice choice) {
        CurrentUser user = currentUsers.require();
        if (!user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        long id = centers.visibleTo(user, center).id();
        if (choice.methods().contains(VerificationMethods.Method.ONE_TIME_CODE) && !customers.sendsCodes()) {
            throw RequestRejected.badRequest("sms-unavailable");
        }
        return methods.choose(id, choice.methods(), user.username(), clock.instant());
    }
}
