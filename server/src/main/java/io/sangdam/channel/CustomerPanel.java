package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.contact.ClaimedCustomer;
import io.sangdam.contact.ConsultationRecords;
import io.sangdam.contact.ConsultationRecords.CustomerConsultation;
import io.sangdam.contact.CustomerDirectory;
import io.sangdam.contact.MaskedCustomer;
import io.sangdam.contact.Masking;
import io.sangdam.contact.UnmaskedCustomer;
import io.sangdam.identity.AccessTask;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.DataSubjectType;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.knowledge.ScriptRuns;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer panel beside a chat on the agent desk: who the customer is (masked), their earlier
 * chats and consultation records; unmasking with a reason; searching and linking a customer when
 * the phone the customer gave matched no one. Only for the agent who holds the chat (or wraps it
 * up), and every look at a customer is written to the personal-data access log.
 *
 * <p>A link is a claim until the agent verifies it (docs/adr/0011): anyone may type anyone's
 * number, and an agent may link the wrong customer. While claimed, the panel shows only that a
 * customer matches (masked name and phone), never their history, records, registry details or
 * unmasked data; the agent verifies by a method the center allows, with at most
 * {@link #MAXIMUM_FAILURES} failed attempts per chat, each attempt written to the access log.
 */
@Service
class CustomerPanel {

    static final int HISTORY_LENGTH = 20;
    /** Failed verification attempts a chat allows, whichever customers were linked to it in turn. */
    static final int MAXIMUM_FAILURES = 3;

    private final Conversations conversations;
    private final CustomerDirectory customers;
    private final ConsultationRecords records;
    private final PersonalDataAccess access;
    private final Chats chats;
    private final VerificationMethods methods;
    private final ScriptRuns scriptRuns;
    private final Clock clock;

    CustomerPanel(
            Conversations conversations,
            CustomerDirectory customers,
            ConsultationRecords records,
            PersonalDataAccess access,
            Chats chats,
            VerificationMethods methods,
            ScriptRuns scriptRuns,
            Clock clock) {
        this.scriptRuns = scriptRuns;
        this.chats = chats;
        this.conversations = conversations;
        this.customers = customers;
        this.records = records;
        this.access = access;
        this.methods = methods;
        this.clock = clock;
    }

    record EarlierContact(
            String conversation,
            Instant at,
            String queue,
            String status,
            @Nullable String agent) {}

    /** A customer the chat only claims to be: masked name and phone, the attempts left and the methods allowed. */
    record Claim(ClaimedCustomer customer, int attemptsLeft, List<VerificationMethods.Method> methods) {

        Claim {
            methods = List.copyOf(methods);
        }
    }

    /**
     * {@code link} is null when the chat is linked to no customer (the agent may search and link
     * one); CLAIMED with only {@code claim}; VERIFIED with {@code customer}, {@code verified} (who,
     * how, when), earlier contacts and records.
     * {@code flagged}: the customer is in the abusive-customer registry; the desk shows a warning
     * (for a claim, only that the number is registered, without what for).
     */
    record Panel(
            String conversation,
            Conversations.@Nullable CustomerLink link,
            @Nullable Claim claim,
            @Nullable MaskedCustomer customer,
            Conversations.@Nullable Verified verified,
            List<EarlierContact> contacts,
            List<CustomerConsultation> consultations,
            Chats.@Nullable Flagged flagged,
            Map<Long, String> scriptPaths) {}

    @Transactional
    Panel view(CurrentUser agent, String conversationId) {
        return panel(held(agent, conversationId));
    }

    /** Masked results; the search itself is logged against the chat, with the query masked like any label. */
    @Transactional
    List<MaskedCustomer> search(CurrentUser agent, String conversationId, String query) {
        Conversation conversation = held(agent, conversationId);
        List<MaskedCustomer> found = customers.search(query);
        access.record(
                new DataSubject(DataSubjectType.CUSTOMER_SEARCH, conversation.id(), maskedQuery(query)),
                AccessTask.VIEW,
                null);
        return found;
    }

    /** Links the customer the agent found, as a claim like a typed number: the agent still verifies. */
    @Transactional
    Panel link(CurrentUser agent, String conversationId, long customerId) {
        Conversation conversation = held(agent, conversationId);
        conversations.linkCustomer(conversation.id(), customerId);
        // An unknown customer is refused by the panel's (logged) look at the claim, which rolls the link back.
        return panel(current(conversation.id()));
    }

    @Transactional
    UnmaskedCustomer unmask(CurrentUser agent, String conversationId, @Nullable String reason) {
        Conversation conversation = held(agent, conversationId);
        if (conversation.customerId() == null) {
            throw RequestRejected.conflict("no-linked-customer");
        }
        Long customerId = conversation.verifiedCustomerId();
        if (customerId == null) {
            throw RequestRejected.conflict("customer-not-verified");
        }
        return customers.unmaskForContact(customerId, conversation.id(), reason);
    }

    /**
     * Checks what the customer told the agent against the claimed customer's record. A failure is
     * kept (and logged) although the answer is a problem: hence no rollback on a rejection, and
     * every rejection that can follow a write comes after it.
     *
     * @throws RequestRejected {@code verification-failed} (422, with the attempts left),
     *     {@code verification-attempts-exhausted}, {@code verification-method-not-allowed},
     *     {@code nothing-to-verify-with}, {@code no-code-sent}, {@code invalid-birth-date},
     *     {@code invalid-one-time-code}, {@code no-linked-customer},
     *     {@code conversation-ended}
     */
    @Transactional(noRollbackFor = RequestRejected.class)
    Panel verify(CurrentUser agent, String conversationId, VerificationMethods.Method method, @Nullable String answer) {
        Conversation held = held(agent, conversationId);
        Conversation conversation = conversations
                .lockedForVerification(held.id())
                .orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        Long customerId = conversation.customerId();
        if (customerId == null) {
            throw RequestRejected.conflict("no-linked-customer");
        }
        if (conversation.customerLink() == Conversations.CustomerLink.VERIFIED) {
            return panel(conversation);
        }
        // Asked of the customer in the chat: once it ended, nobody is there to answer.
        if (conversation.status() != Conversations.Status.CONNECTED) {
            throw RequestRejected.conflict("conversation-ended");
        }
        if (!offered(conversation.centerId()).contains(method)) {
            throw RequestRejected.badRequest("verification-method-not-allowed", method.name());
        }
        if (conversation.verificationFailures() >= MAXIMUM_FAILURES) {
            throw RequestRejected.conflict("verification-attempts-exhausted", MAXIMUM_FAILURES);
        }
        CustomerDirectory.Verification outcome = switch (method) {
            case BIRTH_DATE -> customers.verifyBirthDate(customerId, conversation.id(), birthDate(answer));
            case ONE_TIME_CODE -> customers.verifyCode(customerId, conversation.id(), code(answer));
        };
        switch (outcome) {
            case MATCHED -> {
                conversations.verified(conversation.id(), customerId, agent.username(), method.name(), clock.instant());
                return panel(current(conversation.id()));
            }
            case NOT_MATCHED -> {
                conversations.verificationFailed(conversation.id());
                int left = MAXIMUM_FAILURES - conversation.verificationFailures() - 1;
                throw new RequestRejected(HttpStatus.UNPROCESSABLE_CONTENT, "verification-failed", left);
            }
            case NOTHING_ON_RECORD ->
                throw RequestRejected.conflict(
                        switch (method) {
                            case BIRTH_DATE -> "nothing-to-verify-with";
                            case ONE_TIME_CODE -> "no-code-sent";
                        });
        }
        throw new IllegalStateException("every outcome is handled above");
    }

    /**
     * Sends a one-time code to the claimed customer's phone on record, for the customer to read
     * back. Only while a live chat's link is claimed, the center allows codes and attempts remain.
     *
     * @throws RequestRejected {@code sms-unavailable}, {@code verification-codes-exhausted},
     *     {@code verification-method-not-allowed}, {@code verification-attempts-exhausted},
     *     {@code customer-already-verified}, {@code no-linked-customer}, {@code conversation-ended}
     */
    @Transactional
    Panel sendCode(CurrentUser agent, String conversationId) {
        Conversation conversation = conversations
                .lockedForVerification(held(agent, conversationId).id())
                .orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        Long customerId = conversation.customerId();
        if (customerId == null) {
            throw RequestRejected.conflict("no-linked-customer");
        }
        if (conversation.customerLink() == Conversations.CustomerLink.VERIFIED) {
            throw RequestRejected.conflict("customer-already-verified");
        }
        if (conversation.status() != Conversations.Status.CONNECTED) {
            throw RequestRejected.conflict("conversation-ended");
        }
        if (!offered(conversation.centerId()).contains(VerificationMethods.Method.ONE_TIME_CODE)) {
            throw RequestRejected.badRequest(
                    "verification-method-not-allowed", VerificationMethods.Method.ONE_TIME_CODE.name());
        }
        if (conversation.verificationFailures() >= MAXIMUM_FAILURES) {
            throw RequestRejected.conflict("verification-attempts-exhausted", MAXIMUM_FAILURES);
        }
        customers.sendCode(customerId, conversation.id());
        return panel(conversation);
    }

    /** The center's methods that can be used now (codes only while an SMS gateway is there). */
    private List<VerificationMethods.Method> offered(long centerId) {
        return methods.of(centerId).methods().stream()
                .filter(m -> m != VerificationMethods.Method.ONE_TIME_CODE || customers.sendsCodes())
                .toList();
    }

    private static String code(@Nullable String answer) {
        String given = answer == null ? "" : answer.strip();
        if (!given.matches("[0-9]{6}")) {
            throw RequestRejected.badRequest("invalid-one-time-code");
        }
        return given;
    }

    private static LocalDate birthDate(@Nullable String answer) {
        String given = answer == null ? "" : answer.strip();
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException notADate) {
            throw RequestRejected.badRequest("invalid-birth-date");
        }
    }

    private Conversation current(String id) {
        return conversations.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
    }

    /** What the agent may see: nothing, a claim, or (verified) the customer with history and records. */
    private Panel panel(Conversation conversation) {
        Long customerId = conversation.customerId();
        Chats.Flagged flagged = chats.flagged(conversation).orElse(null);
        if (customerId == null) {
            return new Panel(conversation.id(), null, null, null, null, List.of(), List.of(), null, Map.of());
        }
        if (conversation.customerLink() != Conversations.CustomerLink.VERIFIED) {
            var claim = new Claim(
                    customers.viewClaim(customerId, conversation.id()),
                    Math.max(0, MAXIMUM_FAILURES - conversation.verificationFailures()),
                    offered(conversation.centerId()));
            return new Panel(
                    conversation.id(),
                    Conversations.CustomerLink.CLAIMED,
                    claim,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    flagged,
                    Map.of());
        }
        MaskedCustomer customer = customers.view(customerId);
        List<EarlierContact> contacts = conversations.ofCustomer(customer.id(), HISTORY_LENGTH + 1).stream()
                .filter(c -> !c.id().equals(conversation.id()))
                .limit(HISTORY_LENGTH)
                .map(c -> new EarlierContact(
                        c.id(), c.createdAt(), c.queue(), c.status().name(), c.agent()))
                .toList();
        List<CustomerConsultation> consultations = records.ofCustomer(customer.id(), HISTORY_LENGTH);
        return new Panel(
                conversation.id(),
                Conversations.CustomerLink.VERIFIED,
                null,
                customer,
                conversation.verified(),
                contacts,
                consultations,
                flagged,
                scriptRuns.pathsOfRecords(
                        consultations.stream().map(CustomerConsultation::id).toList()));
    }

    /** The chat of this center that the agent holds now or is wrapping up; anything else is refused plainly. */
    private Conversation held(CurrentUser agent, String conversationId) {
        Conversation conversation =
                conversations.find(conversationId).orElseThrow(() -> RequestRejected.notFound("unknown-conversation"));
        if (conversation.centerId() != agent.centerId()) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "conversation-of-another-center");
        }
        boolean holds = agent.username().equalsIgnoreCase(conversation.agent())
                && (conversation.status() == Conversations.Status.CONNECTED
                        || conversation.status() == Conversations.Status.ENDED);
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
