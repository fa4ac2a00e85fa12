package io.sangdam.identity;

import io.sangdam.platform.Languages;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and deactivating accounts, and each user's own password and language. */
@Service
class AccountAdministration {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,49}");

    private final Accounts accounts;
    private final Centers centers;
    private final PasswordEncoder passwords;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final SignInThrottle throttle;

    AccountAdministration(
            Accounts accounts,
            Centers centers,
            PasswordEncoder passwords,
            SessionRegistry sessions,
            Clock clock,
            SignInThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.centers = centers;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional
    long create(
            String username,
            String displayName,
            long centerId,
            @Nullable String team,
            Set<Role> roles,
            String language,
            String initialPassword) {
        String name = username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw RequestRejected.badRequest("invalid-username");
        }
        if (accounts.usernameTaken(name)) {
            throw RequestRejected.conflict("username-taken", name);
        }
        requireDisplayName(displayName);
        requireCenter(centerId);
        requireRoles(roles);
        PasswordRules.check(initialPassword);
        var account = new NewAccount(
                name,
                displayName.strip(),
                centerId,
                blankToNull(team),
                roles,
                Languages.supportedOrDefault(language).getLanguage());
        return accounts.add(account, PasswordRules.hash(passwords, initialPassword), clock.instant());
    }

    @Transactional
    void update(
            CurrentUser administrator,
            long id,
            String displayName,
            long centerId,
            @Nullable String team,
            Set<Role> roles) {
        Account account = require(id);
        requireDisplayName(displayName);
        requireCenter(centerId);
        requireRoles(roles);
        if (account.id() == administrator.id() && !roles.contains(Role.ADMINISTRATOR)) {
            throw RequestRejected.conflict("cannot-remove-own-administrator");
        }
        accounts.update(id, displayName.strip(), centerId, blankToNull(team));
        accounts.replaceRoles(id, roles);
        // Roles live in the session; make the user sign in again so the change takes effect now.
        expireSessions(account);
    }

    @Transactional
    void deactivate(CurrentUser administrator, long id) {
        Account account = require(id);
        if (account.id() == administrator.id()) {
            throw RequestRejected.conflict("cannot-deactivate-self");
        }
        accounts.setEnabled(id, false, clock.instant());
        expireSessions(account);
    }

    @Transactional
    void activate(long id) {
        require(id);
        accounts.setEnabled(id, true, clock.instant());
    }

    /** Clears a lock left by an earlier version and the username's wait on this node ({@link SignInThrottle}). */
    @Transactional
    void unlock(long id) {
        Account account = require(id);
        accounts.unlock(id);
        throttle.succeeded(account.username());
    }

    @Transactional
    void resetPassword(long id, String newPassword) {
        Account account = require(id);
        PasswordRules.check(newPassword);
        accounts.setPassword(account.id(), PasswordRules.hash(passwords, newPassword), clock.instant());
        accounts.unlock(account.id());
        expireSessions(account);
    }

    /**
     * A wrong current password counts as a failed sign-in from this address ({@link SignInThrottle}):
     * a stolen open session must not become a free password-guessing machine. A change ends the
     * user's other sessions (another browser, a forgotten PC), keeping only the one it came from.
     */
    @Transactional
    void changeOwnPassword(
            CurrentUser user,
            String currentPassword,
            String newPassword,
            String confirmation,
            String address,
            @Nullable String keptSessionId) {
        Account account = require(user.id());
        var wait = throttle.waitBefore(address, account.username());
        if (wait.isPresent()) {
            throw new RequestRejected(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-sign-in-attempts",
                    SignInThrottleFilter.seconds(wait.get()));
        }
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throttle.failed(address, account.username());
            throw RequestRejected.badRequest("current-password-wrong");
        }
        if (!newPassword.equals(confirmation)) {
            throw RequestRejected.badRequest("password-confirmation-differs");
        }
        if (newPassword.equals(currentPassword)) {
            throw RequestRejected.badRequest("password-unchanged");
        }
        PasswordRules.check(newPassword);
        accounts.setPassword(account.id(), PasswordRules.hash(passwords, newPassword), clock.instant());
        sessionsOf(account).stream()
                .filter(session -> !session.getSessionId().equals(keptSessionId))
                .forEach(SessionInformation::expireNow);
    }

    @Transactional
    void changeLanguage(CurrentUser user, String language) {
        accounts.setLanguage(user.id(), Languages.supportedOrDefault(language).getLanguage());
    }

    private void expireSessions(Account account) {
        sessionsOf(account).forEach(SessionInformation::expireNow);
    }

    // A principal equal to the one of the account's sessions (by username), in memory or in the database.
    private java.util.List<SessionInformation> sessionsOf(Account account) {
        var principal = new SignedInUser(
                account.asCurrentUser(),
                account.passwordHash(),
                account.enabled(),
                account.lockedUntil(),
                clock.instant());
        return sessions.getAllSessions(principal, false);
    }

    private Account require(long id) {
        return accounts.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-account", id));
    }

    private void requireCenter(long centerId) {
        if (centers.find(centerId).isEmpty()) {
            throw new RequestRejected(HttpStatus.BAD_REQUEST, "unknown-center", centerId);
        }
    }

    private static void requireDisplayName(String displayName) {
        if (displayName.isBlank() || displayName.strip().length() > 50) {
            throw RequestRejected.badRequest("invalid-display-name");
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw RequestRejected.badRequest("roles-required");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
