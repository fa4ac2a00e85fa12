package io.sangdam.identity;

import io.sangdam.identity.demo.DemoOrganisationStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo organisation's writes, on identity's tables (the demo sub-package cannot see them). */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoOrganisationTables implements DemoOrganisationStore {

    private final Centers centers;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoOrganisationTables(Centers centers, Accounts accounts, PasswordEncoder passwords, Clock clock) {
        this.centers = centers;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public boolean hasCenters() {
        return !centers.isEmpty();
    }

    @Override
    public long addCenter(String code, String name, CenterKind kind, ZoneId timeZone) {
        return centers.add(code, name, kind, timeZone);
    }

    @Override
    public String hash(String password) {
        return PasswordRules.hash(passwords, password);
    }

    @Override
    public void addAccount(
            String username, String displayName, long center, @Nullable String team, Set<Role> roles, String hash) {
        accounts.add(new NewAccount(username, displayName, center, team, roles, "ko"), hash, clock.instant());
    }

    @Override
    public long accountCount() {
        return accounts.count();
    }

    @Override
    public int centerCount() {
        return centers.all().size();
    }
}
