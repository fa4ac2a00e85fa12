package io.sangdam.identity;

import java.util.Set;

/**
 * An entry in the main navigation. Modules declare these as beans; each user sees the entries for
 * their roles (an empty role set means everyone signed in).
 */
public record NavigationLink(int order, String path, String labelKey, Set<Role> roles) {

    public NavigationLink {
        roles = Set.copyOf(roles);
    }

    public boolean shownTo(CurrentUser user) {
        return roles.isEmpty() || roles.stream().anyMatch(user::has);
    }
}
