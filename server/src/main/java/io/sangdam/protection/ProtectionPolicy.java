package io.sangdam.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many warnings an agent sends before they may end an abusive contact. Two is the common
 * Korean practice (first notice, final notice, then the end of the consultation).
 */
@ConfigurationProperties("sangdam.protection")
public record ProtectionPolicy(@DefaultValue("2") int warningsBeforeEnding) {}
