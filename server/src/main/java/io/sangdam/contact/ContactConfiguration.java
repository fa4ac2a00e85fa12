package io.sangdam.contact;

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
class ContactConfiguration {

    static final Set<Role> LOOKUP_ROLES =
            Set.of(Role.AGENT, Role.SUPERVISOR, Role.CENTER_MANAGER, Role.QA_EVALUATOR, Role.PROTECTION_TEAM);

    @Bean
    NavigationLink customersLink() {
        return new NavigationLink(100, "/customers", "nav.customers", LOOKUP_ROLES);
    }

    @Bean
    HomeSection customerLookupSection(CustomerDirectory directory) {
        return new HomeSection() {
            @Override
            public int order() {
                return 5;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return LOOKUP_ROLES.stream().anyMatch(user::has);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView(
                        "contact/customers",
                        "lookup",
                        Map.of(
                                "total",
                                directory.count(),
                                "canUnmask",
                                user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.PROTECTION_TEAM)));
            }
        };
    }
}
