package io.sangdam.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token rather than a password. Tokens may read and write what
 * their scopes allow but may not make or revoke tokens ({@link WriteAuthorization}): a leaked token
 * must not be able to mint itself a longer life.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final SignedInUser caller;
    private final long tokenId;

    ApiTokenAuthentication(SignedInUser caller, long tokenId) {
        super(caller.getAuthorities());
        this.caller = caller;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInUser getPrincipal() {
        return caller;
    }
}
