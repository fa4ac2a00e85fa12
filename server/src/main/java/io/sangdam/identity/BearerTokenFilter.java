package io.sangdam.identity;

import io.sangdam.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer sdm_…} on the API ({@link ApiTokens}). A bad, expired
 * or revoked token, or one whose owner was deactivated or no longer holds any of its scopes, gets
 * 401 {@code invalid-token} at once: it never falls through to being anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** The API's challenge: a scheme browsers do not answer with a sign-in dialog. */
    static final String CHALLENGE = "Bearer realm=\"Sangdam API\"";

    private final ApiTokens tokens;
    private final Problems problems;
    private final Clock clock;

    BearerTokenFilter(ApiTokens tokens, Problems problems, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var caller = tokens.authenticate(authorization.substring(7).strip());
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(
                SignedInUser.ofToken(caller.get().user(), clock.instant()),
                caller.get().tokenId()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
