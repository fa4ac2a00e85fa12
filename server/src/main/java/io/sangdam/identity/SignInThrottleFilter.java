package io.sangdam.identity;

import io.sangdam.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a password try away while its username or address must wait ({@link SignInThrottle}),
 * before the password is hashed: the sign-in form goes back to the sign-in page with the wait,
 * an API call with HTTP Basic gets 429 {@code too-many-sign-in-attempts} and {@code Retry-After}.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final Problems problems;
    private final boolean form;

    private SignInThrottleFilter(SignInThrottle throttle, Problems problems, boolean form) {
        this.throttle = throttle;
        this.problems = problems;
        this.form = form;
    }

    /** For the pages: the sign-in form's POST. */
    static SignInThrottleFilter forSignInForm(SignInThrottle throttle, Problems problems) {
        return new SignInThrottleFilter(throttle, problems, true);
    }

    /** For the API: every call with HTTP Basic credentials. */
    static SignInThrottleFilter forBasic(SignInThrottle throttle, Problems problems) {
        return new SignInThrottleFilter(throttle, problems, false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (form && "POST".equals(request.getMethod()) && "/login".equals(pathOf(request))) {
            String username = request.getParameter("username");
            Optional<Duration> wait =
                    username == null ? Optional.empty() : throttle.waitBefore(request.getRemoteAddr(), username);
            if (wait.isPresent()) {
                response.sendRedirect(request.getContextPath() + "/login?error=throttled&wait=" + seconds(wait.get()));
                return;
            }
        } else if (!form) {
            String username = basicUsername(request.getHeader("Authorization"));
            Optional<Duration> wait =
                    username == null ? Optional.empty() : throttle.waitBefore(request.getRemoteAddr(), username);
            if (wait.isPresent()) {
                long seconds = seconds(wait.get());
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", seconds);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whole seconds, rounded up: "0 s" would invite an immediate retry that is still refused. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static @Nullable String basicUsername(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
