package io.sangdam.identity;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords and locks the account when the policy's limit is reached, for page and
 * API sign-ins alike. A success resets the count.
 */
@Component
class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final Accounts accounts;
    private final SignInPolicy policy;
    private final Clock clock;

    SignInAttempts(Accounts accounts, SignInPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        int failures = accounts.recordFailedSignIn(username, policy.maximumFailures(),
                clock.instant().plus(policy.lockDuration()));
        if (failures == policy.maximumFailures()) {
            log.warn("Account {} locked for {} after {} failed sign-ins", username, policy.lockDuration(), failures);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.clearFailedSignIns(event.getAuthentication().getName());
    }
}
