package io.sangdam.protection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the registry needs to know of a conversation, provided by the module that holds
 * conversations (the chat channel implements it; protection must not depend on the channel, which
 * depends on protection).
 */
public interface ConversationEvidence {

    /**
     * The customer a conversation is linked to; the label is masked. Looking is a logged view.
     * {@code verified}: an agent verified the link; otherwise it is only a claim (a typed phone
     * number, a customer found by search) and says nothing about who the customer really was.
     */
    record LinkedCustomer(long id, String maskedLabel, boolean verified) {}

    /** A customer message that detection flagged, as stored (personal data masked at write time). */
    record FlaggedLine(long messageId, Instant sentAt, String text, List<String> categories) {

        public FlaggedLine {
            categories = List.copyOf(categories);
        }
    }

    Optional<LinkedCustomer> customerOf(String conversation);

    List<FlaggedLine> flaggedMessages(String conversation);
}
