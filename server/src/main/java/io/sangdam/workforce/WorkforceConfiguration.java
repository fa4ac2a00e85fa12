package io.sangdam.workforce;

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
class WorkforceConfiguration {

    static final String PLANNING_ROLES =
            "hasAnyRole('WFM_PLANNER', 'CENTER_MANAGER', 'SUPERVISOR', 'EXECUTIVE', 'ADMINISTRATOR')";

    @Bean
    NavigationLink staffingLink() {
        return new NavigationLink(
                300,
                "/workforce/staffing",
                "nav.staffing",
                Set.of(Role.WFM_PLANNER, Role.CENTER_MANAGER, Role.SUPERVISOR, Role.EXECUTIVE, Role.ADMINISTRATOR));
    }

    @Bean
    NavigationLink forecastLink() {
        return new NavigationLink(
                310,
                "/workforce/forecast",
                "nav.forecast",
                Set.of(Role.WFM_PLANNER, Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    NavigationLink planLink() {
        return new NavigationLink(
                320,
                "/workforce/plan",
                "nav.plan",
                Set.of(Role.WFM_PLANNER, Role.CENTER_MANAGER, Role.SUPERVISOR, Role.EXECUTIVE, Role.ADMINISTRATOR));
    }

    @Bean
    HomeSection staffingSection() {
        return new HomeSection() {
            @Override
            public int order() {
                return 3;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return user.hasAny(Role.WFM_PLANNER, Role.CENTER_MANAGER);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("workforce/staffing", "card", Map.of());
            }
        };
    }
}
