package io.sangdam.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Figures per month, center and team move by exactly what was recorded, in a center of this class's own. */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectionReportTests {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    ProtectionReport report;

    @Autowired
    Incidents incidents;

    @Autowired
    Counselling counselling;

    @Autowired
    AbuseScreening screening;

    @Autowired
    ApplicationContext context;

    TestCenter center;

    @BeforeAll
    void createCenter() {
        center = TestCenter.in(context, "protreport")
                .teamPerson("first", "1팀", Role.AGENT)
                .teamPerson("second", "2팀", Role.AGENT)
                .create();
    }

    @Autowired
    Clock clock;

    @Test
    void incidentsWarningsEndsBreaksAndCounsellingAreCountedPerTeamAndCategory() {
        YearMonth month = YearMonth.now(clock.withZone(SEOUL));
        String teamA = center.person("first").team();
        String teamB = center.person("second").team();
        String agentA = center.username("first");
        String agentB = center.username("second");
        long id = center.id();
        assertThat(teamA).isNotEqualTo(teamB);
        var before = report.rows(id, month, month, SEOUL);

        String first = UUID.randomUUID().toString();
        incidents.flagged(first, id, agentA, null, screening.screen("이 시발 뭐야"));
        incidents.flagged(first, id, agentA, null, screening.screen("너 같은 게 무슨 상담이야"));
        incidents.warningSent(first, id, agentA, null);
        incidents.warningSent(first, id, agentA, null);
        incidents.endingForAbuse(first);
        incidents.flagged(UUID.randomUUID().toString(), id, agentB, null, screening.screen("찾아가서 죽여버린다"));
        counselling.request(agentA, id, false, null);

        var after = report.rows(id, month, month, SEOUL);
        var a = delta(before, after, month, teamA);
        assertThat(a.category("PROFANITY")).isEqualTo(1);
        assertThat(a.category("INSULT")).isEqualTo(1);
        assertThat(a.incidents()).isEqualTo(1);
        assertThat(a.warnings()).isEqualTo(2);
        assertThat(a.endedForAbuse()).isEqualTo(1);
        assertThat(a.recoveryBreaks()).isEqualTo(1);
        assertThat(a.counsellingRequests()).isEqualTo(1);
        var b = delta(before, after, month, teamB);
        assertThat(b.category("THREAT")).isEqualTo(1);
        assertThat(b.incidents()).isEqualTo(1);
        assertThat(b.endedForAbuse()).isZero();
        assertThat(after).allMatch(r -> r.centerId() == id);
    }

    private ProtectionReport.Row delta(
            List<ProtectionReport.Row> before, List<ProtectionReport.Row> after, YearMonth month, String team) {
        var empty = new ProtectionReport.Row(month, center.id(), team, java.util.Map.of(), 0, 0, 0, 0, 0);
        var was = before.stream().filter(r -> r.team().equals(team)).findFirst().orElse(empty);
        var now = after.stream().filter(r -> r.team().equals(team)).findFirst().orElseThrow();
        var categories = new java.util.HashMap<String, Long>();
        ProtectionReport.CATEGORIES.forEach(c -> categories.put(c, now.category(c) - was.category(c)));
        return new ProtectionReport.Row(
                month,
                center.id(),
                team,
                categories,
                now.incidents() - was.incidents(),
                now.warnings() - was.warnings(),
                now.endedForAbuse() - was.endedForAbuse(),
                now.recoveryBreaks() - was.recoveryBreaks(),
                now.counsellingRequests() - was.counsellingRequests());
    }
}
