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

/** Where the quick-reply page is found: the navigation of everyone who keeps a set, the home page of those who keep others'. */
@Configuration(proxyBeanMethods = false)
class QuickReplyConfiguration {

    @Bean
    NavigationLink quickRepliesLink() {
        return new NavigationLink(
                55,
                "/quick-replies",
                "nav.quick-replies",
                Set.of(Role.AGENT, Role.SUPERVISOR, Role.CENTER_MANAGER, Role.ADMINISTRATOR));
    }

    @Bean
    HomeSection quickRepliesSection() {
        return new HomeSection() {
            @Override
            public int order() {
                return 40;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("channel/quick-replies", "card", Map.of());
            }
        };
    }
}
