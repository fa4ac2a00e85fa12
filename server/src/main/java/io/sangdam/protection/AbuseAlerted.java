package io.sangdam.protection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's message was flagged as abusive, or an agent ended a contact for abuse: the
 * supervisor should know now (published after the incident is recorded).
 *
 * @param agent null when the customer wrote before an agent took the chat
 * @param categories abuse categories (PROFANITY, INSULT, SEXUAL_HARASSMENT, THREAT)
 */
public record AbuseAlerted(
        long centerId,
        @Nullable String agent,
        String conversation,
        Reason reason,
        List<String> categories,
        String severity,
        Instant at) {

    public AbuseAlerted {
        categories = List.copyOf(categories);
    }

    public enum Reason {
        MESSAGE_FLAGGED,
        ENDED_FOR_ABUSE
    }
}
