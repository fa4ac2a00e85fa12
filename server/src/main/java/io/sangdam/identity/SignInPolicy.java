package io.sangdam.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong passwords in a row lock an account, and for how long. The defaults follow common
 * Korean practice (5 attempts) and 「개인정보의 안전성 확보조치 기준」 (limit repeated failures).
 */
@ConfigurationProperties("sangdam.sign-in")
record SignInPolicy(@DefaultValue("5") int maximumFailures, @DefaultValue("15m") Duration lockDuration) {
}
