package io.sangdam.channel;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.HomeSection;
import io.sangdam.identity.HomeSectionView;
import io.sangdam.identity.Role;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the knowledge-use report is found: on the home page of those who may read it. */
@Configuration(proxyBeanMethods = false)
class KnowledgeAssistConfiguration {

    @Bean
    HomeSection knowledgeUseSection() {
        return new HomeSection() {
            @Override
            public int order() {
                return 41;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.ADMINISTRATOR);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("channel/knowledge-use", "card", Map.of());
            }
        };
    }
}
