package io.sangdam.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where sign-in sessions live: in each node's memory (the default: nothing to read or write per
 * request), or in the database, so that several nodes serve the same browsers without a sticky
 * load balancer (docs/adr/0010). A value other than {@code memory} or {@code database} stops the start.
 */
@ConfigurationProperties("sangdam.sessions")
record SessionStorage(@DefaultValue("memory") Store store) {

    enum Store {
        MEMORY,
        DATABASE
    }
}
