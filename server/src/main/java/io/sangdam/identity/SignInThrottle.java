package io.sangdam.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without ever locking anyone out ({@link SignInPolicy}): after a few
 * free failures, each wrong password doubles the wait before the next try is even looked at, for
 * the typed username and for the address it came from. A try during a wait is answered "try again
 * in N s" (429 with {@code Retry-After} on the API) without checking the password, so guessing also
 * costs the server nothing. The right password, once the wait is over, always gets in; and it
 * clears the account's count.
 *
 * <p>Counts are kept by typed username, whether or not such an account exists, so a wait tells
 * nothing about which accounts exist. They are per server node, in memory (docs/scale-out.md): with
 * N nodes behind a balancer an attacker gets at most N times the tries, still exponentially slowed.
 * The map is bounded: an attacker inventing usernames fills it to {@link #MAXIMUM_ENTRIES}, after
 * which quiet entries are dropped first and then, if still full, all account entries (the address
 * entries, which hold such an attacker back, stay; only guesses from more addresses than that
 * start all counts over).
 */
@Component
class SignInThrottle {

    static final int MAXIMUM_ENTRIES = 100_000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignInThrottle.class);

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SignInPolicy policy;
    private final Clock clock;

    SignInThrottle(SignInPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long this address must wait before trying this username again, if at all. */
    Optional<Duration> waitBefore(String address, String username) {
        Instant now = clock.instant();
        Duration account = remaining(accountKey(username), policy.accountFreeFailures(), policy.accountDelayCap(), now);
        Duration machine = remaining(addressKey(address), policy.addressFreeFailures(), policy.addressDelayCap(), now);
        Duration longer = account.compareTo(machine) >= 0 ? account : machine;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    void failed(String address, String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAXIMUM_ENTRIES) {
            makeRoom(now);
        }
        count(accountKey(username), now);
        count(addressKey(address), now);
    }

    void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private void count(String key, Instant now) {
        failures.merge(
                key,
                new Failures(1, now),
                (old, one) -> forgotten(old, now) ? one : new Failures(old.count() + 1, now));
    }

    private Duration remaining(String key, int free, Duration cap, Instant now) {
        Failures known = failures.get(key);
        if (known == null || forgotten(known, now) || known.count() < free) {
            return Duration.ZERO;
        }
        Duration wait = delay(known.count() - free, cap);
        Duration left = Duration.between(now, known.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** One second after the last free failure, then doubling with each failure, up to the cap. */
    static Duration delay(int beyondFree, Duration cap) {
        if (beyondFree >= 30) {
            return cap;
        }
        Duration wait = Duration.ofSeconds(1L << beyondFree);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private boolean forgotten(Failures known, Instant now) {
        return known.last().plus(policy.forgetAfter()).isBefore(now);
    }

    private void makeRoom(Instant now) {
        failures.values().removeIf(known -> forgotten(known, now));
        if (failures.size() >= MAXIMUM_ENTRIES) {
            failures.keySet().removeIf(key -> key.startsWith("account:"));
        }
        if (failures.size() >= MAXIMUM_ENTRIES) {
            // Guesses from more addresses than the map holds: memory comes first, the waits start over.
            log.warn(
                    "Sign-in throttle: {} addresses with recent failures, more than it keeps; counts start over",
                    failures.size());
            failures.clear();
        }
    }

    /** How many usernames and addresses have failures on record. */
    int tracked() {
        return failures.size();
    }

    private static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
