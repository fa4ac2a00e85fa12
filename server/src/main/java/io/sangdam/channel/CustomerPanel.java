package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.contact.ConsultationRecords;
import io.sangdam.contact.ConsultationRecords.CustomerConsultation;
import io.sangdam.contact.CustomerDirectory;
import io.sangdam.contact.MaskedCustomer;
import io.sangdam.contact.Masking;
import io.sangdam.contact.UnmaskedCustomer;
import io.sangdam.identity.AccessTask;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer panel beside a chat on the agent desk: who the customer is (masked), their earlier
 * chats and consultation records; unmasking with a reason; searching and linking a customer when
 * the phone the customer gave matched no one. Only for the agent who holds the chat (or wraps it
 * up), and every look at a customer is written to the personal-data access log.
 */
@Service
class CustomerPanel {

    static final int HISTORY_LENGTH = 20;
    static final String SEARCH_SUBJECT = "customer-search";

    private final Conversations conversations;
    private final CustomerDirectory customers;
    private final ConsultationRecords records;
    private final PersonalDataAccess access;
    private final Chats chats;

    CustomerPanel(Conversations conversations, CustomerDirectory customers, ConsultationRecords records,
            PersonalDataAccess access, Chats chats) {
        this.chats = chats;
        this.conversations = conversations;
        this.customers = customers;
        this.records = records;
        this.access = access;
    }

    record EarlierContact(String conversation, Instant at, String queue, String status, @Nullable String agent) {
    }

    /** {@code customer} is null when the chat is linked to no customer; the agent may search and link one. */
    /** {@code flagged}: the customer is in the abusive-customer registry; the desk shows a warning. */
    record Panel(String conversation, @Nullable MaskedCustomer customer, List<EarlierContact> contacts,
            List<CustomerConsultation> consultations, Chats.@Nullable Flagged flagged) {
    }

    @Transactional
    Panel view(CurrentUser agent, String conversationId) {
        Conversation conversation = held(agent, conversationId);
        Long customerId = conversation.customerId();
        if (customerId == null) {
            return new Panel(conversation.id(), null, List.of(), List.of(), null);
        }
        return panel(conversation, customers.view(customerId));
    }

    /** Masked results; the search itself is logged against the chat, with the query masked like any label. */
    @Transactional
    List<MaskedCustomer> search(CurrentUser agent, String conversationId, String query) {
        Conversation conversation = held(agent, conversationId);
        List<MaskedCustomer> found = customers.search(query);
        access.record(new DataSubject(SEARCH_SUBJECT, conversation.id(), maskedQuery(query)), AccessTask.VIEW, null);
        return found;
    }

    @Transactional
    Panel link(CurrentUser agent, String conversationId, long customerId) {
        Conversation conversation = held(agent, conversationId);
        MaskedCustomer customer = customers.view(customerId);
        conversations.linkCustomer(conversation.id(), customerId);
        return panel(conversation, customer);
    }

    @Transactional
    UnmaskedCustomer unmask(CurrentUser agent, String conversationId, @Nullable String reason) {
        Conversation conversation = held(agent, conversationId);
        Long customerId = conversation.customerId();
        if (customerId == null) {
            throw RequestRejected.conflict("no-linked-customer");
        }
        return customers.unmaskForContact(customerId, conversation.id(), reason);
    }

    private Panel panel(Conversation conversation, MaskedCustomer customer) {
        List<EarlierContact> contacts = conversations.ofCustomer(customer.id(), HISTORY_LENGTH + 1).stream()
                .filter(c -> !c.id().equals(conversation.id())).limit(HISTORY_LENGTH)
                .map(c -> new EarlierContact(c.id(), c.createdAt(), c.queue(), c.status().name(), c.agent())).toList();
        return new Panel(conversation.id(), customer, contacts, records.ofCustomer(customer.id(), HISTORY_LENGTH),
                chats.flagged(conversations.find(conversation.id()).orElse(conversation)).orElse(null));
    }

    /** The chat of this center that the agent holds now or is wrapping up; anything else is refused plainly. */
    private Conversation held(CurrentUser agent, String conversationId) {
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        if (conversation.centerId() != agent.centerId()) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "conversation-of-another-center");
        }
        boolean holds = agent.username().equalsIgnoreCase(conversation.agent())
                && (conversation.status() == Conversations.Status.CONNECTED || conversation.status() == Conversations.Status.ENDED);
        if (!holds) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        return conversation;
    }

    /** A customer number is kept (it names a record, not a person); digits and names are masked like on screens. */
    static String maskedQuery(String query) {
        String text = query.strip();
        String masked;
        if (text.toUpperCase().startsWith("C") && text.length() <= 20) {
            masked = text.toUpperCase();
        } else if (text.replaceAll("[^0-9]", "").length() >= 4) {
            masked = Masking.phone(text);
        } else {
            masked = Masking.name(text);
        }
        return masked.length() > 100 ? masked.substring(0, 100) : masked;
    }
}
