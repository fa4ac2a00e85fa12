package io.sangdam.platform;

import org.springframework.http.HttpStatus;

/**
 * A request the application refuses for a reason the user can act on. The {@code code} is stable
 * (clients may branch on it) and names the message {@code problem.<code>} in the message bundles;
 * the arguments fill that message's placeholders. API requests receive it as RFC 9457 problem
 * details, pages as a readable error.
 */
public class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] arguments;

    public RequestRejected(HttpStatus status, String code, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public static RequestRejected notFound(String code, Object... arguments) {
        return new RequestRejected(HttpStatus.NOT_FOUND, code, arguments);
    }

    public static RequestRejected badRequest(String code, Object... arguments) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, code, arguments);
    }

    public static RequestRejected conflict(String code, Object... arguments) {
        return new RequestRejected(HttpStatus.CONFLICT, code, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
