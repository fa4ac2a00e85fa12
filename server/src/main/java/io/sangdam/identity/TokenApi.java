package io.sangdam.identity;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "identity", description = "Users, centers and the personal-data access log")
class TokenApi {

    private final ApiTokens tokens;
    private final CurrentUsers currentUsers;

    TokenApi(ApiTokens tokens, CurrentUsers currentUsers) {
        this.tokens = tokens;
        this.currentUsers = currentUsers;
    }

    record NewToken(
            @NotBlank @Size(max = ApiTokens.MAXIMUM_NAME_LENGTH)
            String name,

            @NotEmpty Set<@NotNull Role> scopes,
            @Nullable Long centerId,
            @Nullable Integer days,
            @Nullable @Size(max = 50) String account) {}

    /** The token as made: {@code token} is the secret, shown this once. */
    record IssuedToken(
            long id,
            String name,
            String owner,
            String kind,
            Set<Role> scopes,
            long centerId,
            Instant expiresAt,
            String token) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Make an API token; the answer carries its secret, which cannot be read again",
            description = "Scopes are roles the owner holds. An administrator may name another account (a service "
                    + "account) as owner. Needs a password (Basic) or a page session, not a token.")
    IssuedToken create(@Valid @RequestBody NewToken request) {
        var issued = tokens.issue(
                currentUsers.require(),
                request.account(),
                request.name(),
                EnumSet.copyOf(request.scopes()),
                request.centerId(),
                request.days());
        ApiToken token = issued.token();
        return new IssuedToken(
                token.id(),
                token.name(),
                token.owner(),
                token.kind(),
                token.scopes(),
                token.centerId(),
                token.expiresAt(),
                issued.secret());
    }

    @GetMapping
    @Operation(summary = "The caller's tokens and those they made (administrators: all), without secrets")
    List<ApiToken> list() {
        return tokens.visibleTo(currentUsers.require());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token at once")
    ApiToken revoke(@PathVariable long id) {
        return tokens.revoke(currentUsers.require(), id);
    }
}
