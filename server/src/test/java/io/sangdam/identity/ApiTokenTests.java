package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal and service API tokens: made once, checked fast, never more than the owner has now. */
@RunningServer
class ApiTokenTests {

    private static final String PASSWORD = "Token-tester-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenActsWithItsScopesTheOwnerHoldsAndIsShownOnce() {
        user("token.owner", "\"AGENT\", \"SUPERVISOR\"");
        var made = ApiClient.on(port).post("/api/tokens", """
            {"name": "CRM 연동", "scopes": ["AGENT"], "days": 30}\
            """, "application/json", "token.owner", PASSWORD, "ko");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String secret = made.json().get("token").asString();
        assertThat(secret).startsWith("sdm_").hasSizeGreaterThan(40);
        assertThat(made.json().get("kind").asString()).isEqualTo("PERSONAL");

        HttpResponse<String> me = bearer("GET", "/api/me", secret, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asString()).isEqualTo("token.owner");
        assertThat(json(me).get("roles").toString()).isEqualTo("[\"AGENT\"]");
        // The owner is a supervisor, the token is not: a supervisor's write is refused.
        assertThat(bearer("POST", "/api/routing/centers/2/contacts", secret, "{\"queue\": \"GENERAL\"}")
                        .statusCode())
                .isEqualTo(403);

        // Only the SHA-256 is stored; the list shows a hint, never the secret.
        assertThat(jdbc.sql("select count(*) from identity.api_token where secret_hash = ?")
                        .param(ApiTokens.hash(secret))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var list = ApiClient.on(port).get("/api/tokens", "token.owner", PASSWORD, "ko");
        assertThat(list.body()).doesNotContain(secret).contains(secret.substring(0, 10));
        assertThat(list.json().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void aRevokedTokenAndADeactivatedOwnersTokenStopAtOnce() {
        long id = user("token.leaver", "\"AGENT\"");
        String first = make("token.leaver", "첫째");
        String second = make("token.leaver", "둘째");
        long firstId = JSON
                .readTree(ApiClient.on(port)
                        .get("/api/tokens", "token.leaver", PASSWORD, "ko")
                        .body())
                .findValues("id")
                .stream()
                .mapToLong(JsonNode::asLong)
                .min()
                .orElseThrow();
        assertThat(bearer("GET", "/api/me", first, null).statusCode()).isEqualTo(200);
        var revoked = ApiClient.on(port).delete("/api/tokens/" + firstId, "admin");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> refused = bearer("GET", "/api/me", first, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("code").asString()).isEqualTo("invalid-token");
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");

        assertThat(bearer("GET", "/api/me", second, null).statusCode()).isEqualTo(200);
        ApiClient.on(port)
                .post(
                        "/api/users/" + id + "/deactivate",
                        "",
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(bearer("GET", "/api/me", second, null).statusCode()).isEqualTo(401);
        assertThat(bearer("GET", "/api/me", "sdm_not-a-real-token-at-all", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenCannotMakeTokensAndNobodyGrantsARoleTheOwnerLacks() {
        user("token.minter", "\"AGENT\"");
        String secret = make("token.minter", "연장 시도");
        var minted =
                bearer("POST", "/api/tokens", secret, "{\"name\": \"더 긴 토큰\", \"scopes\": [\"AGENT\"], \"days\": 365}");
        assertThat(minted.statusCode()).isEqualTo(403);
        var wider = ApiClient.on(port).post("/api/tokens", """
            {"name": "관리자 흉내", "scopes": ["ADMINISTRATOR"]}\
            """, "application/json", "token.minter", PASSWORD, "en");
        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.json().get("code").asString()).isEqualTo("token-scope-not-held");
        var nulls = ApiClient.on(port).post("/api/tokens", """
            {"name": "빈 범위", "scopes": [null]}\
            """, "application/json", "token.minter", PASSWORD, "en");
        assertThat(nulls.status()).as(nulls.body()).isEqualTo(400);
        var forOther = ApiClient.on(port).post("/api/tokens", """
            {"name": "남의 토큰", "scopes": ["AGENT"], "account": "gn.agent"}\
            """, "application/json", "token.minter", PASSWORD, "en");
        assertThat(forOther.status()).isEqualTo(403);
    }

    @Test
    void anAdministratorMakesAServiceTokenForAServiceAccount() {
        user("svc.crm", "\"SUPERVISOR\"");
        var made = ApiClient.on(port)
                .post("/api/tokens", """
                    {"name": "CRM 서비스", "scopes": ["SUPERVISOR"], "account": "svc.crm", "centerId": 2}\
                    """, "application/json", "admin", RunningServer.DEMO_PASSWORD, "ko");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("kind").asString()).isEqualTo("SERVICE");
        assertThat(made.json().get("owner").asString()).isEqualTo("svc.crm");
        HttpResponse<String> state = bearer(
                "GET", "/api/routing/centers/2/state", made.json().get("token").asString(), null);
        assertThat(state.statusCode()).isEqualTo(200);
    }

    private String make(String username, String name) {
        var made = ApiClient.on(port)
                .post(
                        "/api/tokens",
                        "{\"name\": \"" + name + "\", \"scopes\": [\"AGENT\"]}",
                        "application/json",
                        username,
                        PASSWORD,
                        "ko");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("token").asString();
    }

    private long user(String username, String roles) {
        var response = ApiClient.on(port)
                .post(
                        "/api/users",
                        """
                        {"username": "%s", "displayName": "토큰 시험", "centerId": 2, "roles": [%s], "password": "%s"}\
                        """.formatted(username, roles, PASSWORD),
                        "application/json",
                        "admin",
                        RunningServer.DEMO_PASSWORD,
                        "ko");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private HttpResponse<String> bearer(String method, String path, String token, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return ApiClient.exchange(
                http,
                request.method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
