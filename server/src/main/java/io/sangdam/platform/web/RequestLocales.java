package io.sangdam.platform.web;

import io.sangdam.platform.Languages;
import io.sangdam.platform.Problems;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the language of a response. Pages are Korean unless the user chose English (a cookie,
 * set at sign-in from the user's preference and by the language switch); API clients say what
 * they want with {@code Accept-Language}, and get Korean when they do not say.
 */
class RequestLocales implements LocaleResolver {

    static final String COOKIE = "sangdam-lang";
    /** A language chosen during this request (the language switch) wins over the old cookie. */
    private static final String CHOSEN = RequestLocales.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        // API clients and the chat widget (which may sit on another site) say their language in the header.
        if (Problems.isApi(request) || request.getRequestURI().startsWith(request.getContextPath() + "/chat/api/")) {
            String header = request.getHeader("Accept-Language");
            if (header != null && !header.isBlank()) {
                for (Locale.LanguageRange range : parse(header)) {
                    if (Languages.isSupported(range.getRange())) {
                        return Languages.supportedOrDefault(range.getRange());
                    }
                }
            }
            return Languages.DEFAULT;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return Languages.supportedOrDefault(cookie.getValue());
                }
            }
        }
        return Languages.DEFAULT;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        Locale chosen = locale == null ? Languages.DEFAULT : Languages.supportedOrDefault(locale.toLanguageTag());
        request.setAttribute(CHOSEN, chosen);
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static java.util.List<Locale.LanguageRange> parse(String header) {
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return java.util.List.of();
        }
    }
}
