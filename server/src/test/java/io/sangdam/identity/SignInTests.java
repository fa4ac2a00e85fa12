package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in as a browser does it: form, CSRF token, session cookie, redirects. */
@RunningServer
class SignInTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void rightPasswordLandsOnTheHomePageOfTheUsersCenter() throws Exception {
        var browser = new Browser();
        HttpResponse<String> signIn = browser.signIn("gn.agent", RunningServer.DEMO_PASSWORD);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        String home = browser.get("/").body();
        assertThat(home).contains("강남센터").contains("상담사").contains("내 스킬");
    }

    @ParameterizedTest
    @CsvSource({
        "admin,시스템 관리자,사용자 관리",
        "protection,고객보호팀,이달의 개인정보 접속기록",
        "executive,임원,센터 현황",
        "hq.wfm,인력운영 담당,센터 현황",
        "gn.manager,센터장,센터의 팀 구성",
        "gn.supervisor,팀장,1팀 팀원",
        "gn.qa,QA 평가자,보유 인원이 적은 스킬",
        "gn.wfm,인력운영 담당,보유 인원이 적은 스킬",
        "bs.agent,상담사,내 스킬"
    })
    void everyDemoAccountLandsOnItsHomePage(String username, String role, String section) throws Exception {
        var browser = new Browser();
        browser.signIn(username, RunningServer.DEMO_PASSWORD);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(role).contains(section).doesNotContain("요청을 처리할 수 없습니다");
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndTheRules() throws Exception {
        createUser("password.tester");
        var browser = new Browser();
        browser.signIn("password.tester", "Lockout-tester-1");
        String token = browser.csrfFrom("/account/password");
        assertThat(browser.post(
                                "/account/password",
                                "currentPassword=wrong-one-1&newPassword=New-password-2&confirmation=New-password-2&_csrf="
                                        + token)
                        .body())
                .contains("현재 비밀번호가 올바르지 않습니다");
        assertThat(browser.post(
                                "/account/password",
                                "currentPassword=Lockout-tester-1&newPassword=short&confirmation=short&_csrf=" + token)
                        .body())
                .contains("비밀번호가 너무 단순합니다");
        assertThat(browser.post(
                                "/account/password",
                                "currentPassword=Lockout-tester-1&newPassword=New-password-2&confirmation=New-password-2&_csrf="
                                        + token)
                        .statusCode())
                .isEqualTo(302);
        assertThat(ApiClient.on(port)
                        .get("/api/me", "password.tester", "New-password-2", "ko")
                        .status())
                .isEqualTo(200);
        assertThat(ApiClient.on(port)
                        .get("/api/me", "password.tester", "Lockout-tester-1", "ko")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void sessionIdChangesAtSignIn() throws Exception {
        var browser = new Browser();
        browser.get("/login");
        String before = browser.sessionId();
        browser.signIn("dj.agent", RunningServer.DEMO_PASSWORD);
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void wrongPasswordSaysSoInKorean() throws Exception {
        var browser = new Browser();
        HttpResponse<String> signIn = browser.signIn("gn.agent", "not-the-password-1");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=bad");
        assertThat(browser.get("/login?error=bad").body()).contains("아이디 또는 비밀번호가 올바르지 않습니다");
    }

    @Test
    void aStrangersWrongPasswordsSlowTheAccountDownButNeverLockItsOwnerOut() throws Exception {
        createUser("lockout.tester");
        var stranger = new Browser("127.0.0.2");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(stranger.signIn("lockout.tester", "wrong-password-" + attempt)
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .endsWith("/login?error=bad");
        }
        // The stranger's next try is turned away before the password is even looked at.
        HttpResponse<String> throttled = stranger.signIn("lockout.tester", "wrong-password-5");
        assertThat(throttled.headers().firstValue("Location").orElseThrow()).contains("/login?error=throttled&wait=");
        assertThat(stranger.get("/login?error=throttled&wait=1").body()).contains("로그인 시도가 너무 많습니다. 1초 후에 다시 시도하세요");
        var api = stranger.basic("/api/me", "lockout.tester", "wrong-password-6");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(api.body()).contains("\"code\":\"too-many-sign-in-attempts\"");

        // The owner, elsewhere, with the right password: in after the short wait, not locked out.
        var owner = new Browser("127.0.0.3");
        Thread.sleep(1_100);
        HttpResponse<String> signIn = owner.signIn("lockout.tester", "Lockout-tester-1");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(owner.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aDeactivatedAccountWithAWrongPasswordAnswersAsAnUnknownOne() throws Exception {
        long id = createUser("hidden.leaver");
        ApiClient.on(port)
                .post(
                        "/api/users/" + id + "/deactivate",
                        "",
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        var browser = new Browser("127.0.0.4");
        assertThat(browser.signIn("hidden.leaver", "wrong-password-1")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?error=bad");
        assertThat(browser.signIn("no.such.person", "wrong-password-1")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?error=bad");
        var api = ApiClient.on(port);
        assertThat(api.get("/api/me", "hidden.leaver", "wrong-password-1", "en")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("unauthenticated");
        assertThat(api.get("/api/me", "no.such.person", "wrong-password-1", "en")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("unauthenticated");
        // With the right password the owner is told why (docs/api.md).
        assertThat(api.get("/api/me", "hidden.leaver", "Lockout-tester-1", "en")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("account-disabled");
    }

    @Test
    void wrongCurrentPasswordsInTheChangeFormCountAsFailedSignIns() throws Exception {
        createUser("guessing.tester");
        var browser = new Browser("127.0.0.5");
        browser.signIn("guessing.tester", "Lockout-tester-1");
        String token = browser.csrfFrom("/account/password");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(browser.post(
                                    "/account/password",
                                    "currentPassword=guess-" + attempt
                                            + "&newPassword=New-password-2&confirmation=New-password-2&_csrf=" + token)
                            .body())
                    .contains("현재 비밀번호가 올바르지 않습니다");
        }
        assertThat(browser.post(
                                "/account/password",
                                "currentPassword=Lockout-tester-1"
                                        + "&newPassword=New-password-2&confirmation=New-password-2&_csrf=" + token)
                        .body())
                .contains("로그인 시도가 너무 많습니다");
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessions() throws Exception {
        createUser("two.browsers");
        var office = new Browser("127.0.0.6");
        var home = new Browser("127.0.0.6");
        office.signIn("two.browsers", "Lockout-tester-1");
        home.signIn("two.browsers", "Lockout-tester-1");
        assertThat(home.get("/").statusCode()).isEqualTo(200);
        String token = office.csrfFrom("/account/password");
        assertThat(office.post(
                                "/account/password",
                                "currentPassword=Lockout-tester-1"
                                        + "&newPassword=New-password-2&confirmation=New-password-2&_csrf=" + token)
                        .statusCode())
                .isEqualTo(302);
        assertThat(office.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> after = home.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void deactivatedUserCannotSignInAndIsToldWhy() throws Exception {
        long id = createUser("leaver.tester");
        var api = ApiClient.on(port);
        assertThat(api.post(
                                "/api/users/" + id + "/deactivate",
                                "",
                                "application/json",
                                "admin",
                                RunningServer.DEMO_PASSWORD,
                                "ko")
                        .status())
                .isEqualTo(200);
        var browser = new Browser();
        HttpResponse<String> signIn = browser.signIn("leaver.tester", "Lockout-tester-1");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=disabled");
        assertThat(browser.get("/login?error=disabled").body()).contains("비활성화된 계정입니다");
        assertThat(api.get("/api/me", "leaver.tester", "Lockout-tester-1", "en")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("account-disabled");
    }

    @Test
    void deactivationEndsTheUsersOpenSessions() throws Exception {
        long id = createUser("session.tester");
        var browser = new Browser();
        browser.signIn("session.tester", "Lockout-tester-1");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        ApiClient.on(port)
                .post(
                        "/api/users/" + id + "/deactivate",
                        "",
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() throws Exception {
        var browser = new Browser();
        browser.get("/login");
        HttpResponse<String> response =
                browser.post("/login", "username=gn.agent&password=" + RunningServer.DEMO_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private long createUser(String username) {
        var response = ApiClient.on(port)
                .post(
                        "/api/users",
                        """
                        {"username": "%s", "displayName": "테스트", "centerId": 2, "roles": ["AGENT"],
                         "password": "Lockout-tester-1"}\
                        """.formatted(username),
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    /** Just enough of a browser: cookies, no automatic redirects, the CSRF token from the last page. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private final String host;

        Browser() {
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            this.host = "localhost";
        }

        /** A browser on another machine: loopback has a whole /8 of addresses, each its own to the server. */
        Browser(String address) throws IOException {
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .localAddress(java.net.InetAddress.getByName(address))
                    .build();
            this.host = "127.0.0.1";
        }

        HttpResponse<String> basic(String path, String username, String password)
                throws IOException, InterruptedException {
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Authorization", "Basic " + credentials)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            return post(
                    "/login",
                    "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrfFrom("/login"));
        }

        String csrfFrom(String path) throws IOException, InterruptedException {
            var matcher = CSRF.matcher(get(path).body());
            assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
            return encode(matcher.group(1));
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private URI uri(String path) {
            return URI.create("http://" + host + ":" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
