package io.sangdam.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API token as listed: never its secret, which is shown once when it is made. {@code kind} is
 * {@code PERSONAL} when its owner made it, {@code SERVICE} when an administrator made it for another
 * account (a service account: an ordinary account the integration acts as).
 */
public record ApiToken(
        long id,
        String name,
        String owner,
        String createdBy,
        String kind,
        Set<Role> scopes,
        long centerId,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        String state) {

    public ApiToken {
        scopes = Set.copyOf(scopes);
    }
}
