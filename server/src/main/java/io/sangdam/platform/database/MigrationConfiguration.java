package io.sangdam.platform.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    // static: a BeanPostProcessor must exist before the beans it processes
    @Bean
    static ModuleMigrations moduleMigrations() {
        return new ModuleMigrations();
    }
}
