package io.sangdam.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request the application refuses for a reason the user can act on. The {@code code} is stable
 * (clients may branch on it) and names the message {@code problem.<code>} in the message bundles;
 * the arguments fill that message's placeholders. API requests receive it as RFC 9457 problem
 * details, pages as a readable error.
 */
public class RequestRejected extends RuntimeException {

    /** Without a better figure, a client told to slow down waits this long before trying again. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

    private final HttpStatus status;
    private final String code;
    private final transient @Nullable Object[] arguments;
    private final long retryAfterSeconds;

    public RequestRejected(HttpStatus status, String code, @Nullable Object... arguments) {
        this(status, DEFAULT_RETRY_AFTER_SECONDS, code, arguments);
    }

    private RequestRejected(HttpStatus status, long retryAfterSeconds, String code, @Nullable Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = code.startsWith("unknown-") ? identifiers(arguments) : arguments.clone();
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /**
     * Too many requests (429): the answer carries {@code Retry-After} with this many seconds, so a
     * well-behaved client waits instead of hammering on.
     */
    public static RequestRejected tooManyRequests(long retryAfterSeconds, String code, @Nullable Object... arguments) {
        return new RequestRejected(HttpStatus.TOO_MANY_REQUESTS, retryAfterSeconds, code, arguments);
    }

    /**
     * What an {@code unknown-…} problem names is what was looked for, an identifier: written as
     * given, not as a number the message format would group ("큐 999,999").
     */
    private static @Nullable Object[] identifiers(@Nullable Object[] arguments) {
        @Nullable Object[] written = arguments.clone();
        for (int i = 0; i < written.length; i++) {
            if (written[i] instanceof Long || written[i] instanceof Integer) {
                written[i] = written[i].toString();
            }
        }
        return written;
    }

    public static RequestRejected notFound(String code, @Nullable Object... arguments) {
        return new RequestRejected(HttpStatus.NOT_FOUND, code, arguments);
    }

    public static RequestRejected badRequest(String code, @Nullable Object... arguments) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, code, arguments);
    }

    public static RequestRejected conflict(String code, @Nullable Object... arguments) {
        return new RequestRejected(HttpStatus.CONFLICT, code, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public @Nullable Object[] arguments() {
        return arguments.clone();
    }

    /** The {@code Retry-After} of a 429 or 503 answer, in seconds; at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether the answer tells the client when to try again: 429 and 503 do. */
    public boolean asksToRetryLater() {
        return status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
