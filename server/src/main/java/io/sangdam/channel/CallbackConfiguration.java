package io.sangdam.channel;

import io.sangdam.identity.NavigationLink;
import io.sangdam.identity.Role;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatThrottling.Limits.class)
// The sweep that routes left messages once their queue opens (CallbackContacts).
@EnableScheduling
class CallbackConfiguration {

    @Bean
    NavigationLink callbacksLink() {
        return new NavigationLink(
                55, "/callbacks", "nav.callbacks", Set.of(Role.AGENT, Role.SUPERVISOR, Role.CENTER_MANAGER));
    }
}
