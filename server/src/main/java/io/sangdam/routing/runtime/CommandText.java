package io.sangdam.routing.runtime;

import io.sangdam.platform.RequestRejected;
import io.sangdam.platform.StorableText;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a routing command may carry, checked before it joins a batch: a command PostgreSQL cannot
 * store would take the commands of everybody else in its batch down with it. Every text in the
 * command (ids, a queue code, a not-ready reason, skill and group names, at any depth of its lists
 * and maps) has no NUL or other control character but tab and newline (PostgreSQL's text and jsonb
 * refuse NUL), no lone surrogate (the driver would store it as {@code ?}, and the log would replay
 * another id), and fits the event log's columns; lists and maps hold no nulls; and the command
 * converts to the engine's (a known channel and contact attributes). A command that fails is
 * refused with {@code 400}: {@value #INVALID_TEXT} naming the field, or {@value #INVALID_COMMAND}.
 *
 * <p>The check reads the record's components, so a field added to a command is checked without
 * being listed here.
 */
final class CommandText {

    static final String INVALID_TEXT = "invalid-routing-text";
    static final String INVALID_COMMAND = "invalid-routing-command";
    /** The event log keeps contact and agent ids in 64 characters; nothing in a command is longer. */
    static final int MAXIMUM_LENGTH = 64;
    /** A queue code, as the queue and event log keep it. */
    static final int MAXIMUM_QUEUE_LENGTH = 30;

    private CommandText() {}

    static void check(RoutingRequest request) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException("Cannot read " + component, unreadable);
            }
            String field = component.getName();
            check(field, value, field.equals("queue") ? MAXIMUM_QUEUE_LENGTH : MAXIMUM_LENGTH, true);
        }
        try {
            request.toCommand();
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw RequestRejected.badRequest(INVALID_COMMAND, request.getClass().getSimpleName());
        }
    }

    private static void check(String field, @Nullable Object value, int maximumLength, boolean mayBeNull) {
        switch (value) {
            case null -> {
                if (!mayBeNull) {
                    throw RequestRejected.badRequest(INVALID_TEXT, field);
                }
            }
            case String text -> {
                if (text.length() > maximumLength || !storable(text)) {
                    throw RequestRejected.badRequest(INVALID_TEXT, field);
                }
            }
            case Collection<?> elements -> elements.forEach(element -> check(field, element, maximumLength, false));
            case Map<?, ?> entries ->
                entries.forEach((key, element) -> {
                    check(field, key, maximumLength, false);
                    check(field, element, maximumLength, false);
                });
            default -> {
                // Numbers, flags and instants store as they are.
            }
        }
    }

    /**
     * The platform's rule for stored text, and no carriage return: what a command carries are ids,
     * codes and one-line reasons.
     */
    static boolean storable(String text) {
        return StorableText.faultIn(text, Integer.MAX_VALUE) == null && text.indexOf('\r') < 0;
    }
}
