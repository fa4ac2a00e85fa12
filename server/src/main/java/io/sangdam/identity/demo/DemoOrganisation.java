package io.sangdam.identity.demo;

import io.sangdam.identity.CenterKind;
import io.sangdam.identity.Role;
import io.sangdam.platform.KoreanNames;
import io.sangdam.platform.ModuleInitializer;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Korean demo organisation, created on first start with an empty database so a fresh clone
 * has a living center to look at: headquarters (한빛생활 고객보호센터) and four partner centers run
 * by fictitious outsourcing companies, about 300 agents in teams of 15, their supervisors and
 * every other role. Deterministic: the same seed gives the same people on every machine.
 *
 * <p>Every demo account has the password {@value #PASSWORD}. It is hashed once and the hash reused:
 * fine for public demo data, and it keeps the first start fast. Turn demo data off in production
 * with {@code sangdam.demo.enabled=false}. Runs before the demo data of the modules that depend on
 * identity (Spring Modulith orders module initializers by their dependencies).
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoOrganisation implements ModuleInitializer {

    static final String PASSWORD = "sangdam2026!";
    static final long SEED = 20261124L;

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    record PartnerCenter(String code, String prefix, String name) {}

    static final List<PartnerCenter> PARTNERS = List.of(
            new PartnerCenter("GN", "gn", "강남센터 (㈜다온씨에스)"),
            new PartnerCenter("DJ", "dj", "대전센터 (㈜미래콜)"),
            new PartnerCenter("GJ", "gj", "광주센터 (㈜새봄서비스)"),
            new PartnerCenter("BS", "bs", "부산센터 (㈜해온텔레서비스)"));
    static final int TEAMS_PER_CENTER = 5;
    static final int AGENTS_PER_TEAM = 15;

    private final DemoOrganisationStore store;
    private final TransactionTemplate transaction;

    DemoOrganisation(DemoOrganisationStore store, TransactionTemplate transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    @Override
    public void initialize() {
        if (store.hasCenters()) {
            return;
        }
        transaction.executeWithoutResult(status -> create());
        log.info(
                "Created the demo organisation: {} accounts in {} centers (password for all: {})",
                store.accountCount(),
                store.centerCount(),
                PASSWORD);
    }

    private void create() {
        String hash = store.hash(PASSWORD);
        var names = new KoreanNames(SEED);
        ZoneId seoul = ZoneId.of("Asia/Seoul");

        long hq = store.addCenter("HQ", "한빛생활 본사 고객보호센터", CenterKind.HQ, seoul);
        add(hash, "admin", "시스템관리자", hq, null, EnumSet.of(Role.ADMINISTRATOR));
        add(hash, "protection", names.next(), hq, "고객보호팀", EnumSet.of(Role.PROTECTION_TEAM));
        add(hash, "protection2", names.next(), hq, "고객보호팀", EnumSet.of(Role.PROTECTION_TEAM));
        add(hash, "protection3", names.next(), hq, "고객보호팀", EnumSet.of(Role.PROTECTION_TEAM));
        add(hash, "executive", names.next(), hq, null, EnumSet.of(Role.EXECUTIVE));
        add(hash, "executive2", names.next(), hq, null, EnumSet.of(Role.EXECUTIVE));
        add(hash, "hq.wfm", names.next(), hq, "인력운영", EnumSet.of(Role.WFM_PLANNER));
        add(hash, "hq.qa", names.next(), hq, "품질관리", EnumSet.of(Role.QA_EVALUATOR));

        for (PartnerCenter partner : PARTNERS) {
            long center = store.addCenter(partner.code(), partner.name(), CenterKind.PARTNER, seoul);
            String p = partner.prefix();
            add(hash, p + ".manager", names.next(), center, null, EnumSet.of(Role.CENTER_MANAGER));
            add(hash, p + ".wfm", names.next(), center, "인력운영", EnumSet.of(Role.WFM_PLANNER));
            add(hash, p + ".qa", names.next(), center, "품질관리", EnumSet.of(Role.QA_EVALUATOR));
            add(hash, p + ".qa2", names.next(), center, "품질관리", EnumSet.of(Role.QA_EVALUATOR));
            int agentNumber = 0;
            for (int team = 1; team <= TEAMS_PER_CENTER; team++) {
                String teamName = team + "팀";
                add(
                        hash,
                        team == 1 ? p + ".supervisor" : p + ".supervisor" + team,
                        names.next(),
                        center,
                        teamName,
                        EnumSet.of(Role.SUPERVISOR));
                for (int member = 0; member < AGENTS_PER_TEAM; member++) {
                    agentNumber++;
                    String username = agentNumber == 1 ? p + ".agent" : "%s.agent%03d".formatted(p, agentNumber);
                    add(hash, username, names.next(), center, teamName, EnumSet.of(Role.AGENT));
                }
            }
        }
    }

    private void add(String hash, String username, String name, long center, @Nullable String team, Set<Role> roles) {
        store.addAccount(username, name, center, team, roles, hash);
    }
}
