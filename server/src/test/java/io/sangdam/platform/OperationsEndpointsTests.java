package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and integrators reach: health, metrics and the API description. */
@RunningServer
class OperationsEndpointsTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsOpenToEveryone() {
        var health = ApiClient.on(port).get("/actuator/health", null, null, "ko");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsNeedAnAdministrator() {
        var api = ApiClient.on(port);
        assertThat(api.get("/actuator/prometheus", null, null, "ko").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "gn.agent", RunningServer.DEMO_PASSWORD, "ko")
                        .status())
                .isEqualTo(403);
        var metrics = api.get("/actuator/prometheus", "admin", RunningServer.DEMO_PASSWORD, "ko");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesTheApiAndNothingElse() {
        var docs = ApiClient.on(port).get("/v3/api-docs", null, null, "ko");
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.propertyNames())
                .contains("/api/me", "/api/users", "/api/access-log", "/api/customers")
                .allMatch(path -> path.startsWith("/api/"));
        assertThat(ApiClient.on(port)
                        .get("/swagger-ui/index.html", null, null, "ko")
                        .status())
                .isEqualTo(200);
    }
}
