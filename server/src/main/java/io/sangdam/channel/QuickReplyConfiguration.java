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

/**
 * Where the quick-reply page is found: agents in the navigation (and from the desk), those who keep
 * a team's or the center's set on their home page, as their navigation is long already.
 */
@Configuration(proxyBeanMethods = false)
class QuickReplyConfiguration {

    @Bean
    NavigationLink quickRepliesLink() {
        return new NavigationLink(55, "/quick-replies", "nav.quick-replies", Set.of(Role.AGENT));
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
                return user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.ADMINISTRATOR);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("channel/quick-replies", "card", Map.of());
            }
        };
    }
}
