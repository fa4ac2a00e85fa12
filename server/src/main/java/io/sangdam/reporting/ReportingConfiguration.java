package io.sangdam.reporting;

import io.sangdam.identity.NavigationLink;
import io.sangdam.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    NavigationLink boardLink() {
        return new NavigationLink(
                60,
                "/board",
                "nav.board",
                Set.of(
                        Role.SUPERVISOR,
                        Role.CENTER_MANAGER,
                        Role.WFM_PLANNER,
                        Role.EXECUTIVE,
                        Role.ADMINISTRATOR,
                        Role.PROTECTION_TEAM));
    }
}
