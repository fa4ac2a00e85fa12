package io.sangdam.identity.demo;

import io.sangdam.identity.CenterKind;
import io.sangdam.identity.Role;
import java.time.ZoneId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the demo organisation writes; identity implements it over its own tables. */
public interface DemoOrganisationStore {

    boolean hasCenters();

    long addCenter(String code, String name, CenterKind kind, ZoneId timeZone);

    /** The stored hash of a password, computed once and reused for every demo account. */
    String hash(String password);

    /** An account in Korean, created now. */
    void addAccount(
            String username, String displayName, long center, @Nullable String team, Set<Role> roles, String hash);

    long accountCount();

    int centerCount();
}
