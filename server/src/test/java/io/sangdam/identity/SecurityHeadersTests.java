package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15: every answer carries the Content-Security-Policy and the standard headers, and over TLS
 * (here: from a proxy on the same machine that says the client came over https) the browser is told
 * to use TLS only and the session cookie is Secure.
 */
@RunningServer
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/login",
                "/",
                "/chat?center=2",
                "/js/sangdam.js",
                "/css/sangdam.css",
                "/api/me",
                "/chat/api/texts?lang=ko",
                "/actuator/health",
                "/no-such-page"
            })
    void everyDoorAnswersWithThePolicyAndTheStandardHeaders(String path) {
        HttpResponse<String> response = get(path, List.of());
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .as(path)
                .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options"))
                .as(path)
                .hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }

    @Test
    void thePolicyAllowsNoInlineScriptNoEvalAndNoInlineStyle() {
        String policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
        assertThat(policy)
                .contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "unsafe-hashes", "*");
    }

    @Test
    void swaggerUiAloneMayUseInlineStylesButNoInlineScript() {
        HttpResponse<String> response = get("/swagger-ui/index.html", List.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';")
                        .doesNotContain("unsafe-eval"));
    }

    @Test
    void plainHttpGetsNoStrictTransportAndACookieWithoutSecure() {
        HttpResponse<String> response = get("/login", List.of());
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(response)).doesNotContainIgnoringCase("secure");
    }

    @Test
    void overTlsFromATrustedProxyTheBrowserIsToldToStayOnTlsAndTheCookieIsSecure() {
        HttpResponse<String> response =
                get("/login", List.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=" + SecurityConfiguration.STRICT_TRANSPORT_SECONDS + " ; includeSubDomains");
        assertThat(sessionCookie(response)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
    }

    private String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie in " + response.headers().map()));
    }

    private HttpResponse<String> get(String path, List<String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return RunningServer.ApiClient.exchange(http, request.build());
    }
}
