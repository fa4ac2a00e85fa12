package io.sangdam.channel;

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
class ChannelConfiguration {

    @Bean
    NavigationLink deskLink() {
        return new NavigationLink(50, "/desk", "nav.desk", Set.of(Role.AGENT));
    }

    @Bean
    NavigationLink monitorLink() {
        return new NavigationLink(
                65,
                "/monitor",
                "nav.monitor",
                Set.of(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.EXECUTIVE, Role.PROTECTION_TEAM));
    }

    @Bean
    NavigationLink customerVerificationLink() {
        return new NavigationLink(
                214,
                "/customer-verification",
                "nav.customer-verification",
                Set.of(Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    HomeSection deskSection() {
        return new HomeSection() {
            @Override
            public int order() {
                return 2;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return user.has(Role.AGENT);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("channel/desk", "card", Map.of());
            }
        };
    }
}
