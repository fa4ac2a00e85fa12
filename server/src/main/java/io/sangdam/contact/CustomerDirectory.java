package io.sangdam.contact;

import io.sangdam.identity.AccessTask;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.util.List;
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
