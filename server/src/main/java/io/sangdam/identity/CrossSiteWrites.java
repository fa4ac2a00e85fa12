package io.sangdam.identity;

import io.sangdam.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps other web sites from changing anything through {@code /api/**}. The API has no CSRF token
 * (it is for scripts, which send their credentials on every call), so a browser holding
 * credentials for it must never be made to write on a foreign page's behalf. Two rules, both
 * before any password is checked:
 *
 * <ul>
 * <li>A state-changing call from a browser page of another origin is refused (403
 * {@code cross-origin-refused}): browsers send {@code Origin} on every such call and
 * {@code Sec-Fetch-Site} on every request; scripts send neither.
 * <li>A state-changing call's body is JSON ({@code application/json} or {@code …+json}, or JSON Lines,
 * {@code application/x-ndjson}, which no form can send either); a call
 * without a body may carry no {@code Content-Type} at all. An HTML form always sends
 * {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or {@code text/plain},
 * so no form on any site can post to the API (415 {@code unsupported-media-type}).
 * </ul>
 *
 * The server's own origin is the one the browser addressed: the {@code Host} header. Behind a
 * proxy that rewrites {@code Host}, let it forward the original ({@code server.forward-headers-strategy}).
 */
final class CrossSiteWrites extends OncePerRequestFilter {

    private final Problems problems;

    CrossSiteWrites(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WritePermissions.changesState(request)) {
            if (fromAnotherSite(request)) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "cross-origin-refused");
                return;
            }
            if (!jsonOrNothing(request.getContentType())) {
                problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    // "null" (sandboxed frames, file pages) and anything unparseable count as another site.
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return authority(uri.getHost(), port).equals(hostAuthority(host, uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String hostAuthority(String host, String scheme) {
        URI uri = URI.create("http://" + host.strip());
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return authority(uri.getHost() == null ? host : uri.getHost(), port);
    }

    private static String authority(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static boolean jsonOrNothing(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && (type.getSubtype().equals("json")
                            || type.getSubtype().endsWith("+json")
                            || type.getSubtype().equals("x-ndjson"));
        } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            return false;
        }
    }
}
