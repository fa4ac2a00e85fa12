package io.sangdam.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in on this request. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            return Optional.of(signedIn.user());
        }
        return Optional.empty();
    }

    /** The signed-in user; only call where security already demands a signed-in user. */
    public CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("No user is signed in on this request"));
    }
}
