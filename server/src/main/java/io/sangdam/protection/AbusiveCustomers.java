package io.sangdam.protection;

import io.sangdam.engine.protection.AbuseCategory;
import io.sangdam.identity.AccessTask;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.DataSubjectType;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The abusive-customer registry (악성 고객 등록). The protection team registers the customer of a
 * flagged contact with evidence chosen from the flagged messages and an expiry; the customer's next
 * chats then carry the FLAGGED_ABUSIVE attribute, which routing sends to the dedicated lane, and the
 * accepting agent is warned. Registering without evidence, without a linked customer or with a link
 * no agent verified (a typed phone number is a claim, not an identity) is refused;
 * every registration and lifting is written to the personal-data access log with its purpose.
 */
@Service
public class AbusiveCustomers {

    /** Dates of registration and expiry are Korean calendar days, wherever the server runs. */
    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    static final int MAXIMUM_MONTHS = 24;
    static final int MAXIMUM_NOTE_LENGTH = 1000;
    static final int MAXIMUM_REASON_LENGTH = 500;
    private static final DateTimeFormatter EVIDENCE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    public record Registration(
            long id,
            long customerId,
            @Nullable String customerLabel,
            String conversation,
            long centerId,
            String category,
            String evidence,
            @Nullable String note,
            String registeredBy,
            Instant registeredAt,
            LocalDate expiresOn,
            @Nullable String liftedBy,
            @Nullable Instant liftedAt,
            @Nullable String liftReason) {

        public boolean activeOn(LocalDate day) {
            return liftedAt == null && !expiresOn.isBefore(day);
        }

        public String categoryKey() {
            return "incidents.category." + category;
        }
    }

    public record NewRegistration(
            String conversation,
            String category,
            List<Long> evidence,
            LocalDate expiresOn,
            @Nullable String note) {

        public NewRegistration {
            evidence = List.copyOf(evidence);
        }
    }

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Incidents incidents;
    private final ConversationEvidence conversations;
    private final PersonalDataAccess access;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    AbusiveCustomers(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            Incidents incidents,
            ConversationEvidence conversations,
            PersonalDataAccess access,
            CurrentUsers currentUsers,
            Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.conversations = conversations;
        this.access = access;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** What the protection team reviews before registering: the linked customer (a logged view) and the flagged lines. */
    public record Review(
            Incidents.Incident incident,
            Optional<ConversationEvidence.LinkedCustomer> customer,
            List<ConversationEvidence.FlaggedLine> flagged) {}

    @Transactional
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    public Review review(String conversation) {
        Incidents.Incident incident = incidents
                .find(conversation)
                .orElseThrow(() -> RequestRejected.notFound("unknown-incident", conversation));
        return new Review(
                incident, conversations.customerOf(conversation), conversations.flaggedMessages(conversation));
    }

    /**
     * @throws RequestRejected {@code unknown-incident}, {@code incident-without-customer},
     *     {@code customer-not-verified}, {@code evidence-required}, {@code unknown-evidence}, {@code invalid-expiry},
     *     {@code invalid-registry-category}, {@code customer-already-registered}, {@code note-too-long}
     */
    @Transactional
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    public Registration register(NewRegistration registration) {
        Incidents.Incident incident = incidents
                .find(registration.conversation())
                .orElseThrow(() -> RequestRejected.notFound("unknown-incident", registration.conversation()));
        var customer = conversations
                .customerOf(incident.conversation())
                .orElseThrow(() -> RequestRejected.conflict("incident-without-customer"));
        // A claimed link names whoever's number was typed: registering them would punish the number's
        // owner for someone else's words (issue 15). Only a customer an agent verified is registered.
        if (!customer.verified()) {
            throw RequestRejected.conflict("customer-not-verified");
        }
        if (registration.evidence().isEmpty()) {
            throw RequestRejected.badRequest("evidence-required");
        }
        Set<Long> chosen = new HashSet<>(registration.evidence());
        List<ConversationEvidence.FlaggedLine> lines = conversations.flaggedMessages(incident.conversation()).stream()
                .filter(line -> chosen.contains(line.messageId()))
                .toList();
        if (lines.size() != chosen.size()) {
            throw RequestRejected.badRequest("unknown-evidence");
        }
        if (!isCategory(registration.category())) {
            throw RequestRejected.badRequest("invalid-registry-category", registration.category());
        }
        LocalDate today = today();
        if (!registration.expiresOn().isAfter(today)
                || registration.expiresOn().isAfter(today.plusMonths(MAXIMUM_MONTHS))) {
            throw RequestRejected.badRequest("invalid-expiry", MAXIMUM_MONTHS);
        }
        String note = registration.note() == null || registration.note().isBlank()
                ? null
                : registration.note().strip();
        if (note != null && note.length() > MAXIMUM_NOTE_LENGTH) {
            throw RequestRejected.badRequest("note-too-long", MAXIMUM_NOTE_LENGTH);
        }
        if (active(customer.id()).isPresent()) {
            throw RequestRejected.conflict("customer-already-registered");
        }
        // The excerpt is the stored (already masked) text with its time: what was said, and when.
        String evidence = lines.stream()
                .map(line -> "[" + EVIDENCE_TIME.format(line.sentAt()) + "] " + line.text())
                .collect(Collectors.joining("\n"));
        String by = currentUsers.require().username();
        long id = jdbc.sql("""
            insert into protection.abusive_customer (customer_id, customer_label, conversation_id, center_id, category, evidence,
                note, registered_by, registered_at, expires_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id\
            """)
                .params(
                        customer.id(),
                        customer.maskedLabel(),
                        incident.conversation(),
                        incident.centerId(),
                        registration.category(),
                        evidence,
                        note,
                        by,
                        Timestamp.from(clock.instant()),
                        Date.valueOf(registration.expiresOn()))
                .query(Long.class)
                .single();
        access.record(
                new DataSubject(DataSubjectType.ABUSIVE_CUSTOMER, String.valueOf(id), customer.maskedLabel()),
                AccessTask.VIEW,
                "악성 고객 등록 (registered, conversation " + incident.conversation() + ")");
        return require(id);
    }

    /** Lifts an active entry before its expiry; the reason is kept and logged. */
    @Transactional
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    public Registration lift(long id, @Nullable String reason) {
        Registration registration = require(id);
        String given = io.sangdam.platform.Reasons.required(reason, MAXIMUM_REASON_LENGTH);
        if (!registration.activeOn(today())) {
            throw RequestRejected.conflict("registration-not-active", id);
        }
        jdbc.sql("update protection.abusive_customer set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ?")
                .params(currentUsers.require().username(), Timestamp.from(clock.instant()), given, id)
                .update();
        access.record(
                new DataSubject(DataSubjectType.ABUSIVE_CUSTOMER, String.valueOf(id), registration.customerLabel()),
                AccessTask.VIEW,
                "악성 고객 등록 해제 (lifted): " + given);
        return require(id);
    }

    /**
     * The customer's active entry, if any: asked when a chat starts (by no one signed in), so not
     * restricted and not logged; nothing personal leaves here.
     */
    public Optional<Registration> active(long customerId) {
        LocalDate today = today();
        return jdbc.sql("""
            select * from protection.abusive_customer where customer_id = ? and lifted_at is null and expires_on >= ?
             order by registered_at desc limit 1\
            """)
                .params(customerId, Date.valueOf(today))
                .query(AbusiveCustomers::map)
                .optional();
    }

    /** The registry, newest first: by masked label, category or customer id; active entries only unless asked. */
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    public List<Registration> search(@Nullable String query, boolean includeInactive, int limit) {
        String text = query == null ? "" : query.strip();
        return jdbc.sql("""
            select * from protection.abusive_customer
             where (:all or (lifted_at is null and expires_on >= :today))
               and (:q = '' or customer_label like :like or category = upper(:q) or cast(customer_id as varchar) = :q
                    or conversation_id = :q)
             order by registered_at desc limit :limit\
            """)
                .param("all", includeInactive)
                .param("today", Date.valueOf(today()))
                .param("q", text)
                .param("like", "%" + text.replace("%", "").replace("_", "") + "%")
                .param("limit", limit)
                .query(AbusiveCustomers::map)
                .list();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private Registration require(long id) {
        return jdbc.sql("select * from protection.abusive_customer where id = ?")
                .param(id)
                .query(AbusiveCustomers::map)
                .optional()
                .orElseThrow(() -> RequestRejected.notFound("unknown-registration", id));
    }

    private static boolean isCategory(String category) {
        for (AbuseCategory known : AbuseCategory.values()) {
            if (known.name().equals(category)) {
                return true;
            }
        }
        return false;
    }

    private static Registration map(ResultSet row, int number) throws SQLException {
        Timestamp lifted = row.getTimestamp("lifted_at");
        return new Registration(
                row.getLong("id"),
                row.getLong("customer_id"),
                row.getString("customer_label"),
                row.getString("conversation_id"),
                row.getLong("center_id"),
                row.getString("category"),
                row.getString("evidence"),
                row.getString("note"),
                row.getString("registered_by"),
                row.getTimestamp("registered_at").toInstant(),
                row.getDate("expires_on").toLocalDate(),
                row.getString("lifted_by"),
                lifted == null ? null : lifted.toInstant(),
                row.getString("lift_reason"));
    }
}
