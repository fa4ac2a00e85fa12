package io.sangdam.routing.demo;

import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.ModuleInitializer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo skills: each team of a partner center has a specialty (team 1 billing, 2 retention, 3
 * technical support, 4 delivery and lost cards, 5 the dedicated lanes), every agent also chats,
 * and levels spread the way they do in a real center (few experts, many in the middle).
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoSkills implements ModuleInitializer {

    private static final long SEED = 20261126L;
    private static final Logger log = LoggerFactory.getLogger(DemoSkills.class);

    record DemoSkill(String code, String korean, String english) {}

    static final List<DemoSkill> SKILLS = List.of(
            new DemoSkill("BILLING", "요금·납부 문의", "Billing and payment"),
            new DemoSkill("PLAN", "요금제 변경", "Plan changes"),
            new DemoSkill("RETENTION", "해지·해지방어", "Cancellation and retention"),
            new DemoSkill("TECH", "기술지원", "Technical support"),
            new DemoSkill("DELIVERY", "배송·반품", "Delivery and returns"),
            new DemoSkill("LOST_CARD", "분실·도난 신고", "Lost or stolen cards"),
            new DemoSkill("VIP", "VIP 전담", "VIP lane"),
            new DemoSkill("SENIOR", "시니어 전담", "Senior lane"),
            new DemoSkill("ACCESSIBILITY", "접근성 지원 상담", "Accessibility lane"),
            new DemoSkill("FLAGGED_CUSTOMER", "특별관리고객 응대", "Flagged-customer specialist"),
            new DemoSkill("ENGLISH", "영어 상담", "English"),
            new DemoSkill("CHINESE", "중국어 상담", "Chinese"),
            new DemoSkill("CHAT", "채팅 상담", "Chat"));

    private static final Map<String, List<String>> TEAM_SPECIALTIES = Map.of(
            "1팀", List.of("BILLING", "PLAN"),
            "2팀", List.of("RETENTION", "PLAN"),
            "3팀", List.of("TECH"),
            "4팀", List.of("DELIVERY", "LOST_CARD"),
            // The lanes' specialists serve every topic: a senior asking about billing still needs billing.
            "5팀", List.of("VIP", "SENIOR", "ACCESSIBILITY", "FLAGGED_CUSTOMER", "BILLING", "RETENTION", "TECH"));

    private final DemoRoutingStore skills;
    private final Staff staff;
    private final TransactionTemplate transaction;

    DemoSkills(DemoRoutingStore skills, Staff staff, TransactionTemplate transaction) {
        this.skills = skills;
        this.staff = staff;
        this.transaction = transaction;
    }

    @Override
    public void initialize() {
        if (skills.hasSkills()) {
            return;
        }
        transaction.executeWithoutResult(status -> create());
        log.info("Created {} demo skills", SKILLS.size());
    }

    private void create() {
        Map<String, Long> ids = new java.util.HashMap<>();
        for (DemoSkill skill : SKILLS) {
            ids.put(skill.code(), skills.addSkill(skill.code(), skill.korean(), skill.english()));
        }
        var random = new Random(SEED);
        for (StaffMember agent : staff.withRole(Role.AGENT)) {
            for (String code :
                    TEAM_SPECIALTIES.getOrDefault(agent.team() == null ? "" : agent.team(), List.of("BILLING"))) {
                skills.grant(agent.id(), id(ids, code), level(random));
            }
            skills.grant(agent.id(), id(ids, "CHAT"), level(random));
            if (random.nextInt(10) == 0) {
                skills.grant(agent.id(), id(ids, random.nextBoolean() ? "ENGLISH" : "CHINESE"), level(random));
            }
        }
    }

    private static long id(Map<String, Long> ids, String code) {
        Long id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("a team specialty names no demo skill: " + code);
        }
        return id;
    }

    /** Levels 2 to 10, centred on 6. */
    private static int level(Random random) {
        return Math.max(2, Math.min(10, (int) Math.round(6 + random.nextGaussian() * 1.8)));
    }
}
