package io.sangdam.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without demo data a new installation would have no account to sign in with and nobody could
 * create one. On a database with no account at all this creates the headquarters center and one
 * administrator, with the password from {@code SANGDAM_BOOTSTRAP_ADMIN_PASSWORD} or, if none is
 * given, a random one written once to the log (change it at first sign-in). As an application runner
 * it runs after the demo data, which is created on the started event, so with demo data on it finds
 * the demo administrator and does nothing.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Centers centers;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String username;
    private final String password;

    FirstAdministrator(
            Centers centers,
            Accounts accounts,
            PasswordEncoder passwords,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${sangdam.bootstrap.admin-username:admin}") String username,
            @Value("${sangdam.bootstrap.admin-password:}") String password) {
        this.centers = centers;
        this.accounts = accounts;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = password.isBlank();
        String chosen = generated ? randomPassword() : password;
        if (!generated) {
            PasswordRules.check(chosen);
        }
        transaction.executeWithoutResult(status -> {
            long hq = centers.findByCode("HQ")
                    .map(Center::id)
                    .orElseGet(() -> centers.add("HQ", "본사 (Headquarters)", CenterKind.HQ, ZoneId.of("Asia/Seoul")));
            accounts.add(
                    new NewAccount(username, "Administrator", hq, null, EnumSet.of(Role.ADMINISTRATOR), "ko"),
                    PasswordRules.hash(passwords, chosen),
                    clock.instant());
        });
        if (generated) {
            log.warn(
                    "Created the first administrator '{}' with the one-time password {} (change it after signing in)",
                    username,
                    chosen);
        } else {
            log.info("Created the first administrator '{}'", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "!7";
    }
}
