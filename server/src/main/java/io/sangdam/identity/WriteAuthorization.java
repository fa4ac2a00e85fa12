package io.sangdam.identity;

import io.sangdam.identity.WritePermissions.Allowed;
import io.sangdam.identity.WritePermissions.ClusterNodes;
import io.sangdam.identity.WritePermissions.Computes;
import io.sangdam.identity.WritePermissions.OwnAccount;
import io.sangdam.identity.WritePermissions.Public;
import io.sangdam.identity.WritePermissions.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Enforces {@link WritePermissions} for every state-changing request of a security chain. A write
 * with no rule has no handler either ({@code WritePermissionsTests} sees to that), so it falls
 * back to the chain's own rule and then meets a 404 or 405.
 */
final class WriteAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** Matches the requests this manager decides: POST, PUT, PATCH and DELETE. */
    static final RequestMatcher STATE_CHANGING = WritePermissions::changesState;

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    private final AuthorizationManager<RequestAuthorizationContext> otherwise;

    WriteAuthorization(AuthorizationManager<RequestAuthorizationContext> otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public @Nullable AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var rule = WritePermissions.ruleFor(request.getMethod(), path);
        if (rule.isEmpty()) {
            return otherwise.authorize(authentication, context);
        }
        return new AuthorizationDecision(allows(rule.get().allowed(), authentication));
    }

    private static boolean allows(Allowed allowed, Supplier<? extends Authentication> authentication) {
        return switch (allowed) {
            case Public open -> true;
            case ClusterNodes cluster ->
                holdsAny(authentication.get(), Set.of("ROLE_" + SecurityConfiguration.CLUSTER_NODE));
            // With a password or a page session only: a token may not manage the account's tokens.
            case OwnAccount own ->
                signedIn(authentication.get())
                        && authentication.get().getPrincipal() instanceof SignedInUser
                        && !(authentication.get() instanceof ApiTokenAuthentication);
            case Roles roles ->
                signedIn(authentication.get()) && holdsAny(authentication.get(), authorities(roles.roles()));
            case Computes computes ->
                signedIn(authentication.get()) && holdsAny(authentication.get(), authorities(computes.roles()));
        };
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !TRUST.isAnonymous(authentication);
    }

    private static Set<String> authorities(Set<Role> roles) {
        return roles.stream().map(Role::authority).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static boolean holdsAny(Authentication authentication, Set<String> wanted) {
        if (authentication == null) {
            return false;
        }
        for (GrantedAuthority held : authentication.getAuthorities()) {
            if (wanted.contains(held.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
