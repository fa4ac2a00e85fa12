package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.HomeSection;
import io.sangdam.identity.HomeSectionView;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the script editor is found: on the home page of those who write scripts (agents follow them on the desk). */
@Configuration(proxyBeanMethods = false)
class ScriptConfiguration {

    @Bean
    HomeSection scriptsSection() {
        return new HomeSection() {
            @Override
            public int order() {
                return 42;
            }

            @Override
            public boolean shownTo(CurrentUser user) {
                return Scripts.writesAny(user);
            }

            @Override
            public HomeSectionView view(CurrentUser user) {
                return new HomeSectionView("knowledge/scripts", "card", Map.of());
            }
        };
    }
}
