package io.sangdam.channel;

import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code burst} requests at once, then {@code perMinute} more each minute.
 * The key is a client address or a conversation. An address is the request's remote address, which
 * is the forwarded client only when {@code server.forward-headers-strategy} says to trust a proxy,
 * so a customer cannot pick their own bucket by sending a header.
 */
final class ClientThrottle {

    /** Beyond this many keys, buckets that have filled up again are forgotten. */
    static final int REMEMBERED_ADDRESSES = 10_000;

    private final String action;
    private final int burst;
    private final double perMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    ClientThrottle(String action, int burst, int perMinute, Clock clock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("A throttle needs a burst and a rate of at least 1");
        }
        this.action = action;
        this.burst = burst;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    /** Takes one token for this key, or refuses with {@code too-many-requests} (429). */
    void take(String address) {
        long now = clock.millis();
        if (buckets.size() > REMEMBERED_ADDRESSES) {
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst, now));
        long waitSeconds;
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000);
        }
        throw RequestRejected.tooManyRequests(waitSeconds, "too-many-requests", action, Math.max(1, waitSeconds));
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) * perMilli);
    }
}
