package io.sangdam.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: a {@link CurrentUser} plus what sign-in needs to decide. */
final class SignedInUser implements UserDetails, CredentialsContainer {

    // Sessions stored in the database hold it serialized; a changed class means signing in again.
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final @Nullable Instant lockedUntil;
    private final Instant now;

    SignedInUser(CurrentUser user, String passwordHash, boolean enabled, @Nullable Instant lockedUntil, Instant now) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.now = now;
    }

    /** The caller of an API token: no password, enabled (ApiTokens checked the owner). */
    static SignedInUser ofToken(CurrentUser user, Instant now) {
        var caller = new SignedInUser(user, "", true, null, now);
        caller.eraseCredentials();
        return caller;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(now);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // Sessions are matched by username so that deactivating a user can expire all of theirs.
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.user.username().equalsIgnoreCase(user.username());
    }

    @Override
    public int hashCode() {
        return user.username().toLowerCase(java.util.Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + user.username() + ", " + List.copyOf(user.roles()) + "]";
    }
}
