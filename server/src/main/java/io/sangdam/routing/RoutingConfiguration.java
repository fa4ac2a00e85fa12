package io.sangdam.routing;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.HomeSection;
import io.sangdam.identity.HomeSectionView;
import io.sangdam.identity.NavigationLink;
import io.sangdam.identity.Role;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final Set<Role> COVERAGE_ROLES = Set.of(
            Role.SUPERVISOR,
            Role.CENTER_MANAGER,
            Role.WFM_PLANNER,
            Role.QA_EVALUATOR,
            Role.ADMINISTRATOR,
            Role.EXECUTIVE,
            Role.PROTECTION_TEAM);

    @Bean
    NavigationLink skillsLink() {
        return new NavigationLink(200, "/skills", "nav.skills", COVERAGE_ROLES);
    }

    @Bean
    NavigationLink queuesLink() {
        return new NavigationLink(210, "/queues", "nav.queues", Set.of(Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    NavigationLink agentSkillsLink() {
        return new NavigationLink(
                211, "/agent-skills", "nav.agent-skills", Set.of(Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    NavigationLink routingSettingsLink() {
        return new NavigationLink(
                212, "/routing-settings", "nav.routing-settings", Set.of(Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    NavigationLink skillCatalogLink() {
        return new NavigationLink(
                213, "/skills/catalog", "nav.skill-catalog", Set.of(Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    HomeSection mySkillsSection(SkillDirectory skills) {
        return new HomeSection() {
            @Override
            public int order() {
                return 1;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return user.has(Role.AGENT);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("routing/skills", "mine", Map.of("skills", skills.ofAgent(user.id())));
            }
        };
    }

    @Bean
    HomeSection centerSkillsSection(SkillDirectory skills) {
        return new HomeSection() {
            @Override
            public int order() {
                return 15;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return !user.seesAllCenters()
                        && user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.WFM_PLANNER, Role.QA_EVALUATOR);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                var coverage = skills.coverage(user.centerId()).stream()
                        .sorted(Comparator.comparingInt(SkillDirectory.SkillCoverage::agents))
                        .toList();
                return new HomeSectionView(
                        "routing/skills",
                        "thinnest",
                        Map.of("coverage", coverage.subList(0, Math.min(5, coverage.size()))));
            }
        };
    }
}
