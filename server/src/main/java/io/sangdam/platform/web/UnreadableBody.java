package io.sangdam.platform.web;

import io.sangdam.platform.Problems.FieldProblem;
import io.sangdam.platform.StorableText;
import java.util.List;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Why a JSON body could not be read, as a problem code, its message arguments and the field it
 * concerns: text {@link StorableText} refuses, a null element in a list, a value of the wrong type,
 * or JSON that is not JSON. Its field problems carry the code; {@link ApiErrors} words them.
 */
record UnreadableBody(String code, Object[] arguments, List<FieldProblem> fields) {

    static UnreadableBody of(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (!(cause instanceof JacksonException jackson)) {
            return new UnreadableBody("malformed-request", new Object[0], List.of());
        }
        String path = path(jackson);
        // A refused value that is the whole body has no field name: call it what it is.
        String field = path.isEmpty() ? "body" : path;
        return switch (jackson) {
            case CheckedJson.RejectedInput rejected ->
                new UnreadableBody(
                        rejected.code(),
                        new Object[] {field, rejected.maximumLength()},
                        List.of(new FieldProblem(field, rejected.code())));
            // Only the mapper's rule of no null elements raises it (CheckedJson).
            case InvalidNullException nullElement ->
                new UnreadableBody(
                        "null-in-list", new Object[] {field}, List.of(new FieldProblem(field, "null-in-list")));
            default ->
                path.isEmpty()
                        ? new UnreadableBody("malformed-request", new Object[0], List.of())
                        : new UnreadableBody(
                                "malformed-request",
                                new Object[0],
                                List.of(new FieldProblem(field, "malformed-request")));
        };
    }

    /** The JSON path of the refused value as a client names it: {@code skills[0]}, {@code hours[2].from}. */
    static String path(JacksonException exception) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.toString();
    }
}
