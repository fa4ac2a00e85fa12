package io.sangdam.knowledge;

import io.sangdam.identity.NavigationLink;
import io.sangdam.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where administrators find the search dictionary: beside the other deployment-wide settings. */
@Configuration(proxyBeanMethods = false)
class SearchDictionaryConfiguration {

    @Bean
    NavigationLink searchDictionaryLink() {
        return new NavigationLink(905, "/knowledge/dictionary", "nav.search-dictionary", Set.of(Role.ADMINISTRATOR));
    }
}
