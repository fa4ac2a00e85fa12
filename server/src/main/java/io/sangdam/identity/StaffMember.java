package io.sangdam.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A person working in one of the centers, without any credential. */
public record StaffMember(
        long id,
        String username,
        String displayName,
        long centerId,
        @Nullable String team,
        Set<Role> roles,
        boolean enabled) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
