package io.sangdam.protection;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.HomeSection;
import io.sangdam.identity.HomeSectionView;
import io.sangdam.identity.NavigationLink;
import io.sangdam.identity.Role;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    @Bean
    NavigationLink careLink() {
        return new NavigationLink(70, "/care", "nav.care", Set.of(Role.AGENT));
    }

    @Bean
    NavigationLink incidentsLink() {
        return new NavigationLink(
                915, "/incidents", "nav.incidents", Set.of(Role.PROTECTION_TEAM, Role.CENTER_MANAGER, Role.SUPERVISOR));
    }

    @Bean
    NavigationLink registryLink() {
        return new NavigationLink(918, "/registry", "nav.registry", Set.of(Role.PROTECTION_TEAM));
    }

    @Bean
    NavigationLink counsellingLink() {
        return new NavigationLink(920, "/counselling", "nav.counselling", Set.of(Role.PROTECTION_TEAM));
    }

    @Bean
    NavigationLink lexiconLink() {
        return new NavigationLink(925, "/protection/lexicon", "nav.lexicon", Set.of(Role.PROTECTION_TEAM));
    }

    @Bean
    NavigationLink noticesLink() {
        return new NavigationLink(
                930, "/protection/notices", "nav.notices", Set.of(Role.PROTECTION_TEAM, Role.CENTER_MANAGER));
    }

    @Bean
    NavigationLink protectionReportLink() {
        return new NavigationLink(
                935,
                "/protection/reports",
                "nav.protection-report",
                Set.of(Role.PROTECTION_TEAM, Role.EXECUTIVE, Role.CENTER_MANAGER));
    }

    /** Supervisors see only requests their agents chose to share; nothing of their content. */
    @Bean
    HomeSection sharedCounsellingSection(Counselling counselling) {
        return new HomeSection() {
            @Override
            public int order() {
                return 25;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER) && !user.seesAllCenters();
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView(
                        "protection/care",
                        "shared",
                        Map.of(
                                "agents",
                                counselling.sharedInCenter(user.centerId()).stream()
                                        .map(Counselling.Request::agent)
                                        .distinct()
                                        .toList()));
            }
        };
    }
}
