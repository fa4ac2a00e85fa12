package io.sangdam.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A user's account with its credential state; never leaves the identity module. */
record Account(
        long id,
        String username,
        String displayName,
        String passwordHash,
        long centerId,
        boolean atHeadquarters,
        @Nullable String team,
        Set<Role> roles,
        String language,
        boolean enabled,
        int failedSignIns,
        @Nullable Instant lockedUntil,
        Instant passwordChangedAt,
        Instant createdAt) {

    Account {
        roles = Set.copyOf(roles);
    }

    StaffMember asStaffMember() {
        return new StaffMember(id, username, displayName, centerId, team, roles, enabled);
    }

    CurrentUser asCurrentUser() {
        return new CurrentUser(id, username, displayName, centerId, atHeadquarters, roles, language);
    }

    // public: templates call it, and SpEL sees only public methods
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
