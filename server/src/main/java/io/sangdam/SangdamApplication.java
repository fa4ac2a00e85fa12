package io.sangdam;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Sangdam, a contact-center platform. Each direct sub-package is an application module whose root
 * package is its API; {@code platform} (database, web, errors, language, clock) is shared by all.
 */
@SpringBootApplication
@Modulithic(systemName = "Sangdam", sharedModules = "platform")
public class SangdamApplication {

    public static void main(String[] args) {
        SpringApplication.run(SangdamApplication.class, args);
    }
}
