package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.testing.TestCenter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@RunningServer
class AccessLogApiTests {

    @LocalServerPort
    int port;

    private final ApplicationContext context;

    AccessLogApiTests(ApplicationContext context) {
        this.context = context;
    }

    @Test
    void anUnknownSubjectTypeIsRefusedWithItsCodeInsteadOfMatchingNothing() {
        var center = TestCenter.in(context, "accesslogapi")
                .headquartersPerson("reviewer", Role.PROTECTION_TEAM)
                .create();

        var answer = ApiClient.on(port)
                .get("/api/access-log?subjectType=custmer", center.username("reviewer"), TestCenter.PASSWORD, "ko");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("unknown-subject-type");
        assertThat(answer.json().get("detail").asString()).contains("custmer");
    }

    @Test
    void theStoredCodeFiltersTheLog() {
        var center = TestCenter.in(context, "accesslogcodes")
                .headquartersPerson("reviewer", Role.PROTECTION_TEAM)
                .create();

        var answer = ApiClient.on(port)
                .get(
                        "/api/access-log?subjectType=left-message&limit=5",
                        center.username("reviewer"),
                        TestCenter.PASSWORD,
                        "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("entries").valueStream())
                .allSatisfy(
                        entry -> assertThat(entry.get("subjectType").asString()).isEqualTo("left-message"));
    }
}
