package io.sangdam.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Centers and accounts for tests, made by the identity module's own services, so the test fixture
 * ({@code io.sangdam.testing.TestCenter}) needs no SQL. Centers have no API to create them yet;
 * accounts skip {@link AccountAdministration#create}'s checks and its bcrypt for each account: every
 * test account shares one password, hashed once per test run (a bcrypt hash costs tens of
 * milliseconds, and a few hundred of them would show in the suite's time).
 */
public final class TestAccounts {

    /** The password of every account a test fixture makes. */
    public static final String PASSWORD = "Test-center-2026!";

    private static volatile @Nullable String hash;

    private final Centers centers;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public TestAccounts(ApplicationContext context) {
        this.centers = context.getBean(Centers.class);
        this.accounts = context.getBean(Accounts.class);
        this.passwords = context.getBean(PasswordEncoder.class);
        this.transaction = context.getBean(TransactionTemplate.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A partner center in Seoul's time zone; the code must be unique (20 characters at most). */
    public long partnerCenter(String code, String name) {
        return centers.add(code, name, CenterKind.PARTNER, ZoneId.of("Asia/Seoul"));
    }

    /** The one headquarters, which people with roles that see all centers belong to. */
    public long headquarters() {
        return centers.all().stream()
                .filter(Center::isHeadquarters)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no headquarters: the server creates one on first start"))
                .id();
    }

    /** An enabled account with {@link #PASSWORD}, in Korean; the username must be unique. */
    public StaffMember account(
            String username, String displayName, long centerId, @Nullable String team, Set<Role> roles) {
        long id = transaction.execute(status -> accounts.add(
                new NewAccount(username, displayName, centerId, team, roles, "ko"), passwordHash(), clock.instant()));
        return new StaffMember(id, username, displayName, centerId, team, roles, true);
    }

    private String passwordHash() {
        String known = hash;
        if (known == null) {
            known = passwords.encode(PASSWORD);
            hash = known;
        }
        return known;
    }
}
