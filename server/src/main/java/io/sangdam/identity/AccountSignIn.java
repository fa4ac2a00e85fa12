package io.sangdam.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountSignIn implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountSignIn(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new SignedInUser(
                account.asCurrentUser(),
                account.passwordHash(),
                account.enabled(),
                account.lockedUntil(),
                clock.instant());
    }
}
