package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "identity", description = "Users, centers and the personal-data access log")
class IdentityApi {

    static final int MAXIMUM_PAGE_SIZE = 500;

    private final Accounts accounts;
    private final CenterDirectory centers;
    private final AccountAdministration administration;
    private final AccessLog accessLog;
    private final CurrentUsers currentUsers;

    IdentityApi(
            Accounts accounts,
            CenterDirectory centers,
            AccountAdministration administration,
            AccessLog accessLog,
            CurrentUsers currentUsers) {
        this.accounts = accounts;
        this.centers = centers;
        this.administration = administration;
        this.accessLog = accessLog;
        this.currentUsers = currentUsers;
    }

    record Me(
            long id,
            String username,
            String displayName,
            Center center,
            Set<Role> roles,
            String language,
            boolean seesAllCenters) {}

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, their center and roles")
    Me me() {
        CurrentUser user = currentUsers.require();
        return new Me(
                user.id(),
                user.username(),
                user.displayName(),
                centers.get(user.centerId()),
                user.roles(),
                user.language(),
                user.seesAllCenters());
    }

    @GetMapping("/centers")
    @Operation(summary = "The centers the signed-in user may see")
    List<Center> centers() {
        return centers.visibleTo(currentUsers.require());
    }

    record UserPage(List<StaffMember> users, long total, int offset, int limit) {}

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Users, filtered by center, role, text and state")
    UserPage users(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable Boolean enabled,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > MAXIMUM_PAGE_SIZE) {
            throw RequestRejected.badRequest("invalid-page", MAXIMUM_PAGE_SIZE);
        }
        var page = accounts.search(new AccountFilter(center, role, text, enabled), offset, limit);
        return new UserPage(page.rows().stream().map(Account::asStaffMember).toList(), page.total(), offset, limit);
    }

    record NewUser(
            @NotBlank @Size(max = 50) String username,
            @NotBlank @Size(max = 50) String displayName,
            @NotNull Long centerId,
            @Nullable @Size(max = 50) String team,
            @NotEmpty Set<Role> roles,
            @Nullable String language,
            @NotBlank String password) {}

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Create a user")
    StaffMember create(@Valid @RequestBody NewUser user) {
        long id = administration.create(
                user.username(),
                user.displayName(),
                user.centerId(),
                user.team(),
                EnumSet.copyOf(user.roles()),
                user.language() == null ? "ko" : user.language(),
                user.password());
        return accounts.find(id).orElseThrow().asStaffMember();
    }

    @PostMapping("/users/{id}/deactivate")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Deactivate a user; their open sessions end")
    StaffMember deactivate(@PathVariable long id) {
        administration.deactivate(currentUsers.require(), id);
        return accounts.find(id).orElseThrow().asStaffMember();
    }

    @PostMapping("/users/{id}/activate")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Activate a deactivated user")
    StaffMember activate(@PathVariable long id) {
        administration.activate(id);
        return accounts.find(id).orElseThrow().asStaffMember();
    }

    record AccessLogPage(List<AccessLogEntry> entries, long total, int offset, int limit) {}

    @GetMapping("/access-log")
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    @Operation(summary = "Search the personal-data access log (개인정보 접속기록)")
    AccessLogPage accessLog(
            @RequestParam(required = false) @Nullable String username,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable AccessTask task,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > MAXIMUM_PAGE_SIZE) {
            throw RequestRejected.badRequest("invalid-page", MAXIMUM_PAGE_SIZE);
        }
        var page = accessLog.search(
                new AccessLog.Filter(username, DataSubjectType.parse(subjectType), subjectId, task, from, to),
                offset,
                limit);
        return new AccessLogPage(page.rows(), page.total(), offset, limit);
    }
}
