package io.sangdam.identity;

import java.util.Set;

/**
 * The signed-in user as every module sees them. Serializable: it is part of the session, which
 * may be stored in the database (docs/adr/0010).
 *
 * @param centerOnly set for a call made with an API token limited to one center: the caller sees
 *     that center only, whatever their roles would otherwise see
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        long centerId,
        boolean atHeadquarters,
        Set<Role> roles,
        String language,
        boolean centerOnly)
        implements java.io.Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public CurrentUser(
            long id,
            String username,
            String displayName,
            long centerId,
            boolean atHeadquarters,
            Set<Role> roles,
            String language) {
        this(id, username, displayName, centerId, atHeadquarters, roles, language, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Headquarters roles, and everyone who works at headquarters, see all centers; everyone else
     * only the center they belong to.
     */
    public boolean seesAllCenters() {
        return !centerOnly && (atHeadquarters || roles.stream().anyMatch(Role::seesAllCenters));
    }

    public boolean canSee(long centerIdOfRecord) {
        return seesAllCenters() || centerIdOfRecord == centerId;
    }
}
