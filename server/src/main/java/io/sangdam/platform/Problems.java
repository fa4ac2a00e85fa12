package io.sangdam.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details: a stable {@code code} for programs, a {@code detail} in the
 * request's language for people. Every {@code /api/**} failure, from controllers, security filters
 * or the servlet container, goes through here so clients see one shape.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** A single violation of one field in a request body or parameter. */
    public record FieldProblem(String field, String message) {}

    public Map<String, Object> body(
            HttpServletRequest request,
            HttpStatus status,
            String code,
            Object[] arguments,
            List<FieldProblem> fieldProblems) {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:sangdam:problem:" + code);
        body.put("title", messages.getMessage("status." + status.value(), null, status.getReasonPhrase(), locale));
        body.put("status", status.value());
        body.put(
                "detail",
                messages.getMessage(
                        "problem." + code,
                        arguments,
                        messages.getMessage("problem.unexplained", null, "", locale),
                        locale));
        body.put("instance", originalPath(request));
        body.put("code", code);
        if (!fieldProblems.isEmpty()) {
            body.put("errors", fieldProblems);
        }
        return body;
    }

    /** Writes the problem straight to the response, for filters and error paths outside MVC. */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            Object... arguments)
            throws IOException {
        response.setStatus(status.value());
        // A client told to wait learns for how long, whichever filter refused it (RequestRejected's
        // answers name their own wait; a second is the least that helps).
        if ((status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE)
                && response.getHeader("Retry-After") == null) {
            response.setHeader("Retry-After", "1");
        }
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body(request, status, code, arguments, List.of())));
    }

    public String message(HttpServletRequest request, String key, Object @Nullable ... arguments) {
        // Never null: the key itself is the default message.
        return Objects.requireNonNullElse(
                messages.getMessage(key, arguments, key, locales.resolveLocale(request)), key);
    }

    public static boolean isApi(HttpServletRequest request) {
        return originalPath(request).startsWith("/api/")
                || originalPath(request).equals("/api");
    }

    private static String originalPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
