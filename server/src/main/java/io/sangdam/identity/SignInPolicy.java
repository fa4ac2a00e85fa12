package io.sangdam.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How wrong passwords slow down further tries ({@link SignInThrottle}). No number of failures
 * locks an account: a stranger who knows a username could otherwise keep its owner out, the only
 * administrator included. Instead each further failure doubles the wait before the next try, per
 * account (short, so the real user, who types the right password, waits at most
 * {@code accountDelayCap}) and per address (long, so one machine guessing across many accounts is
 * held back for up to {@code addressDelayCap}). 「개인정보의 안전성 확보조치 기준」 asks to limit
 * repeated failures; it does not ask to lock.
 *
 * @param accountFreeFailures wrong passwords for one account before any wait
 * @param accountDelayCap the longest wait an account's failures impose
 * @param addressFreeFailures wrong passwords from one address (any accounts) before any wait; higher, as
 *     a whole office may share one address
 * @param addressDelayCap the longest wait an address's failures impose
 * @param forgetAfter failures are forgotten this long after the last one
 */
@ConfigurationProperties("sangdam.sign-in")
record SignInPolicy(
        @DefaultValue("5") int accountFreeFailures,
        @DefaultValue("30s") Duration accountDelayCap,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("15m") Duration addressDelayCap,
        @DefaultValue("15m") Duration forgetAfter) {}
