package io.sangdam.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

record NewAccount(
        String username,
        String displayName,
        long centerId,
        @Nullable String team,
        Set<Role> roles,
        String language) {

    NewAccount {
        roles = Set.copyOf(roles);
    }
}
