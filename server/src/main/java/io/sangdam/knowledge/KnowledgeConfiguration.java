package io.sangdam.knowledge;

import io.sangdam.identity.NavigationLink;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    /** Everyone signed in reads the knowledge base. */
    @Bean
    NavigationLink knowledgeLink() {
        return new NavigationLink(60, "/knowledge", "nav.knowledge", Set.of());
    }
}
