package io.sangdam.contact;

import io.sangdam.identity.AccessTask;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looking customers up. Search results are masked and not logged (a masked list identifies no
 * one); opening one customer is a logged view, and unmasking is a logged task with a reason.
 */
@Service
public class CustomerDirectory {

    static final String SUBJECT_TYPE = "customer";
    static final int MAXIMUM_RESULTS = 50;

    private final Customers customers;
    private final PersonalDataAccess access;

    CustomerDirectory(Customers customers, PersonalDataAccess access) {
        this.customers = customers;
        this.access = access;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'QA_EVALUATOR', 'PROTECTION_TEAM')")
    public List<MaskedCustomer> search(String query) {
        String text = query.strip();
        if (text.length() < 1 || text.length() > 50) {
            throw RequestRejected.badRequest("customer-query-length");
        }
        return customers.search(text, MAXIMUM_RESULTS).stream().map(Customer::masked).toList();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'QA_EVALUATOR', 'PROTECTION_TEAM')")
    public MaskedCustomer view(long id) {
        Customer customer = require(id);
        access.record(subject(customer), AccessTask.VIEW, null);
        return customer.masked();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'PROTECTION_TEAM')")
    public UnmaskedCustomer unmask(long id, @Nullable String reason) {
        Customer customer = require(id);
        access.record(subject(customer), AccessTask.UNMASK, reason);
        return customer.unmasked();
    }

    /**
     * The customer a phone number belongs to, for a contact that gives one (the chat widget asks):
     * a unique match on the normalised mobile phone, or, when several customers share the number,
     * the one whose name is the name given. Nothing when no customer or no single one fits.
     *
     * <p>Not logged: nobody is shown anything, the id only links the contact to the customer; every
     * later view of the customer is logged where it happens.
     */
    public Optional<Long> match(@Nullable String phone, @Nullable String name) {
        String digits = normalisedPhone(phone);
        if (digits.length() < 9 || digits.length() > 11) {
            return Optional.empty();
        }
        List<Customer> found = customers.withPhoneDigits(digits, 10);
        if (found.size() == 1) {
            return Optional.of(found.getFirst().id());
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<Customer> named = found.stream().filter(c -> c.name().equals(name.strip())).toList();
        return named.size() == 1 ? Optional.of(named.getFirst().id()) : Optional.empty();
    }

    /** Digits only, with a +82 country code turned into the leading 0 Koreans dial. */
    static String normalisedPhone(@Nullable String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.strip().startsWith("+82") && digits.startsWith("82")) {
            digits = "0" + digits.substring(2);
        }
        return digits;
    }

    /**
     * One customer in the clear for the agent who is handling a contact of theirs (the caller, the
     * channel, checks that); needs a reason, written to the access log like every unmasking.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'PROTECTION_TEAM')")
    public UnmaskedCustomer unmaskForContact(long id, String contactId, @Nullable String reason) {
        Customer customer = require(id);
        // Checked before the contact is added: "\u200b (contact …)" would otherwise read as a reason.
        String given = io.sangdam.platform.Reasons.given(reason);
        access.record(subject(customer), AccessTask.UNMASK, given == null ? null : given + " (contact " + contactId + ")");
        return customer.unmasked();
    }

    public long count() {
        return customers.count();
    }

    private Customer require(long id) {
        return customers.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-customer", id));
    }

    private static DataSubject subject(Customer customer) {
        return new DataSubject(SUBJECT_TYPE, customer.customerNumber(), Masking.name(customer.name()));
    }
}
