package io.sangdam.platform.web;

import io.sangdam.platform.Problems;
import io.sangdam.platform.RequestRejected;
import io.sangdam.platform.StorableText;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Checks the request's path (so every path variable) and every parameter, query or form, name
 * and value, against {@link StorableText} before anything else reads them: a NUL in a search
 * ({@code q=%00}) reached the database and answered 500. API requests get problem details, pages
 * Sangdam's error page.
 *
 * <p>It runs right after the character encoding filter: reading parameters earlier would decode a
 * form's body before its encoding is set, and for good.
 */
class RequestTextFilter extends OncePerRequestFilter {

    /** The request attribute through which a page's refusal reaches {@link ErrorPages}. */
    static final String REJECTED = RequestTextFilter.class.getName() + ".rejected";

    private final Problems problems;

    RequestTextFilter(Problems problems) {
        this.problems = problems;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<RequestTextFilter> requestTextFilter(Problems problems) {
            var registration = new FilterRegistrationBean<>(new RequestTextFilter(problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestRejected rejected = rejection(request);
        if (rejected == null) {
            chain.doFilter(request, response);
        } else if (isApi(request)) {
            problems.write(request, response, rejected.status(), rejected.code(), rejected.arguments());
        } else {
            request.setAttribute(REJECTED, rejected);
            response.sendError(rejected.status().value());
        }
    }

    private static @Nullable RequestRejected rejection(HttpServletRequest request) {
        String path = request.getRequestURI();
        String decoded;
        try {
            decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return RequestRejected.badRequest("invalid-text", "path", StorableText.MAXIMUM_LENGTH);
        }
        StorableText.Fault pathFault = StorableText.faultIn(decoded, StorableText.MAXIMUM_LENGTH);
        // Not even tab or line feed belongs in a path.
        if (pathFault != null || decoded.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            return RequestRejected.badRequest(
                    pathFault == null ? "invalid-text" : pathFault.code(), "path", StorableText.MAXIMUM_LENGTH);
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            StorableText.Fault nameFault = StorableText.faultIn(name, 200);
            if (nameFault != null) {
                return RequestRejected.badRequest(nameFault.code(), printable(name), 200);
            }
            for (String value : parameter.getValue()) {
                StorableText.Fault fault = StorableText.faultIn(value, StorableText.MAXIMUM_LENGTH);
                if (fault != null) {
                    return RequestRejected.badRequest(fault.code(), name, StorableText.MAXIMUM_LENGTH);
                }
            }
        }
        return null;
    }

    /** A refused parameter name, shown back without what made it refused. */
    private static String printable(String name) {
        String shown = name.codePoints()
                .filter(c -> c >= 0x20 && !Character.isSurrogate((char) c) && c != 0x7f)
                .limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.isEmpty() ? "?" : shown;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return Problems.isApi(request) || path.startsWith("/chat/api/") || path.startsWith("/internal/");
    }
}
