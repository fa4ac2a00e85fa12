package io.sangdam.contact;

import io.sangdam.identity.AccessTask;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.DataSubjectType;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looking customers up. Search results are masked and not logged (a masked list identifies no
 * one); opening one customer is a logged view, and unmasking is a logged task with a reason.
 */
@Service
public class CustomerDirectory {

    static final int MAXIMUM_RESULTS = 50;

    private final Customers customers;
    private final PersonalDataAccess access;
    private final OneTimeCodes codes;
    private final ObjectProvider<SmsGateway> sms;
    private final Clock clock;

    CustomerDirectory(
            Customers customers,
            PersonalDataAccess access,
            OneTimeCodes codes,
            ObjectProvider<SmsGateway> sms,
            Clock clock) {
        this.customers = customers;
        this.access = access;
        this.codes = codes;
        this.sms = sms;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'QA_EVALUATOR', 'PROTECTION_TEAM')")
    public List<MaskedCustomer> search(String query) {
        String text = query.strip();
        if (text.length() < 1 || text.length() > 50) {
            throw RequestRejected.badRequest("customer-query-length");
        }
        return customers.search(text, MAXIMUM_RESULTS).stream()
                .map(Customer::masked)
                .toList();
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
     * <p>A match is a claim, not an identity: anyone may type anyone's number. The caller links it
     * as unverified and shows nothing of the customer until an agent verifies (docs/adr/0011).
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
        List<Customer> named =
                found.stream().filter(c -> c.name().equals(name.strip())).toList();
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
        access.record(
                subject(customer), AccessTask.UNMASK, given == null ? null : given + " (contact " + contactId + ")");
        return customer.unmasked();
    }

    /**
     * What an agent may see of the customer a contact only claims to be (a number typed into the
     * widget, a customer found by search): the masked name and phone, enough to ask "is this you?"
     * and nothing of their history. A logged view like any other.
     */
    @Transactional
    @PreAuthorize("hasRole('AGENT')")
    public ClaimedCustomer viewClaim(long id, String contactId) {
        Customer customer = require(id);
        access.record(subject(customer), AccessTask.VIEW, "미확인 연결 (unverified claim), contact " + contactId);
        return new ClaimedCustomer(customer.id(), Masking.name(customer.name()), Masking.phone(customer.mobilePhone()));
    }

    /** The outcome of checking what a customer said against their record. */
    public enum Verification {
        MATCHED,
        NOT_MATCHED,
        /** The record holds nothing to compare with (no birth date): neither a success nor a failure. */
        NOTHING_ON_RECORD
    }

    /**
     * Compares the date of birth the customer told the agent with the record, without revealing
     * the record: the caller learns only whether they match. Every comparison, whatever its
     * outcome, is written to the access log (task VERIFY) with the outcome as its reason, so a
     * reviewer sees an agent guessing at someone's birth date.
     */
    @Transactional
    @PreAuthorize("hasRole('AGENT')")
    public Verification verifyBirthDate(long id, String contactId, LocalDate said) {
        Customer customer = require(id);
        Verification outcome = customer.birthDate() == null
                ? Verification.NOTHING_ON_RECORD
                : customer.birthDate().equals(said) ? Verification.MATCHED : Verification.NOT_MATCHED;
        access.record(
                subject(customer), AccessTask.VERIFY, verificationReason("생년월일 (birth date)", outcome, contactId));
        return outcome;
    }

    /** Whether one-time codes can be sent: an SMS gateway is configured. */
    public boolean sendsCodes() {
        return sms.getIfAvailable() != null;
    }

    /**
     * Sends a one-time code to the customer's mobile phone on record (never to a number the
     * contact gave), for the agent to ask back; logged as a VERIFY access.
     *
     * @throws RequestRejected {@code sms-unavailable}, {@code nothing-to-verify-with} (no mobile
     *     phone on record), {@code verification-codes-exhausted}
     */
    @Transactional
    @PreAuthorize("hasRole('AGENT')")
    public void sendCode(long id, String contactId) {
        SmsGateway gateway = sms.getIfAvailable();
        if (gateway == null) {
            throw RequestRejected.conflict("sms-unavailable");
        }
        Customer customer = require(id);
        String phone = customer.mobilePhone();
        if (phone == null || phone.isBlank()) {
            throw RequestRejected.conflict("nothing-to-verify-with");
        }
        String code = codes.issue(contactId, id, clock.instant());
        access.record(subject(customer), AccessTask.VERIFY, "일회용 코드 (one-time code): 발송 (sent), contact " + contactId);
        gateway.send(
                phone,
                "[Sangdam] 본인 확인 코드 " + code + " : 상담사에게 알려 주세요 (" + OneTimeCodes.VALID.toMinutes()
                        + "분 동안 유효). Verification code for your agent.");
    }

    /** Compares the code the customer read out with the live one sent for this contact; logged like every attempt. */
    @Transactional
    @PreAuthorize("hasRole('AGENT')")
    public Verification verifyCode(long id, String contactId, String said) {
        Customer customer = require(id);
        Verification outcome = codes.check(contactId, id, said.strip(), clock.instant());
        access.record(
                subject(customer), AccessTask.VERIFY, verificationReason("일회용 코드 (one-time code)", outcome, contactId));
        return outcome;
    }

    static String verificationReason(String method, Verification outcome, String contactId) {
        String result = switch (outcome) {
            case MATCHED -> "일치 (matched)";
            case NOT_MATCHED -> "불일치 (did not match)";
            case NOTHING_ON_RECORD -> "기록 없음 (nothing on record)";
        };
        return method + ": " + result + ", contact " + contactId;
    }

    public long count() {
        return customers.count();
    }

    private Customer require(long id) {
        return customers.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-customer", id));
    }

    private static DataSubject subject(Customer customer) {
        return new DataSubject(DataSubjectType.CUSTOMER, customer.customerNumber(), Masking.name(customer.name()));
    }
}
