package io.sangdam.channel;

import io.sangdam.contact.CustomerDirectory;
import io.sangdam.contact.MaskedCustomer;
import io.sangdam.protection.ConversationEvidence;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The chat's side of the abusive-customer registry: who the customer is, and what they said that was flagged. */
@Component
class ChatEvidence implements ConversationEvidence {

    private final Conversations conversations;
    private final CustomerDirectory customers;

    ChatEvidence(Conversations conversations, CustomerDirectory customers) {
        this.conversations = conversations;
        this.customers = customers;
    }

    /** A logged view of the customer (the directory writes the access log); verified only once an agent verified the link. */
    @Override
    public Optional<LinkedCustomer> customerOf(String conversation) {
        return conversations
                .find(conversation)
                .filter(c -> c.customerId() != null)
                .map(c -> {
                    MaskedCustomer customer = customers.view(java.util.Objects.requireNonNull(c.customerId()));
                    return new LinkedCustomer(
                            customer.id(),
                            (customer.customerNumber() + " " + customer.name() + " " + customer.mobilePhone()).strip(),
                            c.customerLink() == Conversations.CustomerLink.VERIFIED);
                });
    }

    @Override
    public List<FlaggedLine> flaggedMessages(String conversation) {
        return conversations.messages(conversation).stream()
                .filter(m -> m.sender() == Conversations.Sender.CUSTOMER
                        && !m.flags().isEmpty())
                .map(m -> new FlaggedLine(
                        m.id(),
                        m.sentAt(),
                        m.body(),
                        m.flags().stream()
                                .map(Conversations.Flag::category)
                                .distinct()
                                .toList()))
                .toList();
    }
}
