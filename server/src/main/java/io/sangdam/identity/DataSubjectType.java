package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of record whose personal data the access log names. A closed list, so the reviewer
 * filters by a choice and reads a label instead of guessing a code; a module that starts showing a
 * new kind of personal data adds it here, which is also where the reviewer learns that it exists.
 */
public enum DataSubjectType {
    CUSTOMER("customer"),
    CONVERSATION("conversation"),
    /** A search of the customer directory from a chat: the subject id is the chat, the label the masked query. */
    CUSTOMER_SEARCH("customer-search"),
    LEFT_MESSAGE("left-message"),
    ABUSIVE_CUSTOMER("abusive-customer");

    private final String code;

    DataSubjectType(String code) {
        this.code = code;
    }

    /** The value stored in the log and used in the API: stable, unlike the enum's name. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "data-subject." + code;
    }

    /**
     * @throws RequestRejected {@code unknown-subject-type} for a code no module writes
     */
    static @Nullable DataSubjectType parse(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String wanted = code.strip();
        return Arrays.stream(values())
                .filter(type -> type.code.equals(wanted) || type.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> RequestRejected.badRequest("unknown-subject-type", wanted));
    }

    /** Rows written before a type was renamed still show, under their raw code. */
    static @Nullable DataSubjectType ofStored(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElse(null);
    }
}
