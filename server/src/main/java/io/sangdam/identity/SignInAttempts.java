package io.sangdam.identity;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the outcome of every password sign-in, page and API alike, to the {@link SignInThrottle},
 * and keeps the account's count of failures for the administrators' list (it no longer locks).
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final Accounts accounts;
    private final SignInThrottle throttle;

    SignInAttempts(Accounts accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        String address = addressOf(event.getAuthentication().getDetails());
        throttle.failed(address, username);
        int failures = accounts.recordFailedSignIn(username);
        if (failures > 0 && failures % 10 == 0) {
            log.warn("Account {} has {} failed sign-ins in a row (last from {})", username, failures, address);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // Token calls do not come through here: they are not sign-ins (BearerTokenFilter).
        throttle.succeeded(event.getAuthentication().getName());
        accounts.clearFailedSignIns(event.getAuthentication().getName());
    }

    static String addressOf(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }
}
