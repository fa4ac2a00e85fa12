package io.sangdam.contact;

import io.sangdam.platform.RequestRejected;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consultation record (상담 이력): category from the center's tree, notes, disposition and a
 * copy of the transcript, saved by the agent at wrap-up. Notes are masked at write time with the
 * same masker as transcripts. A transferred contact has one record per agent who handled it.
 */
@Service
public class ConsultationRecords {

    static final int MAXIMUM_NOTES_LENGTH = 4000;

    /** One line of the transcript as the record keeps it (already masked by the channel). */
    public record TranscriptLine(String sender, String text, String sentAt) {}

    public record NewConsultation(
            String contactId,
            long centerId,
            String channel,
            @Nullable String queue,
            String agent,
            @Nullable String customerLabel,
            @Nullable Long customerId,
            long categoryId,
            Disposition disposition,
            boolean followUp,
            @Nullable String notes,
            List<TranscriptLine> transcript) {

        public NewConsultation {
            transcript = List.copyOf(transcript);
        }
    }

    private final JdbcClient jdbc;
    private final TextMasking masking;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConsultationRecords(
            JdbcClient jdbc, TextMasking masking, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.masking = masking;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    private record CategoryRow(long id, @Nullable Long parent, int level, String code, String korean, String english) {}

    /** The category tree, 대분류 first, each with its 중분류 and 소분류. */
    public List<Category> categories() {
        List<CategoryRow> rows = jdbc.sql("select * from contact.category where active order by level, id")
                .query((row, n) -> new CategoryRow(
                        row.getLong("id"),
                        (Long) row.getObject("parent_id"),
                        row.getInt("level"),
                        row.getString("code"),
                        row.getString("name_ko"),
                        row.getString("name_en")))
                .list();
        Map<Long, List<CategoryRow>> byParent = new HashMap<>();
        rows.forEach(r -> byParent.computeIfAbsent(r.parent() == null ? 0L : r.parent(), k -> new ArrayList<>())
                .add(r));
        return tree(byParent, 0L);
    }

    private static List<Category> tree(Map<Long, List<CategoryRow>> byParent, long parent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(r -> new Category(
                        r.id(), r.parent(), r.level(), r.code(), r.korean(), r.english(), tree(byParent, r.id())))
                .toList();
    }

    /** Saves the record; the category must be a 소분류 (the most specific level), so reports compare like with like. */
    @Transactional
    public long save(NewConsultation consultation) {
        Integer level = jdbc.sql("select level from contact.category where id = ? and active")
                .param(consultation.categoryId())
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> RequestRejected.badRequest("unknown-category", consultation.categoryId()));
        if (level != 3) {
            throw RequestRejected.badRequest("category-not-specific");
        }
        String notes =
                consultation.notes() == null ? null : consultation.notes().strip();
        if (notes != null && notes.length() > MAXIMUM_NOTES_LENGTH) {
            throw RequestRejected.badRequest("notes-too-long", MAXIMUM_NOTES_LENGTH);
        }
        // One record per contact and agent: a transferred contact has the transferring agent's and the colleague's.
        if (jdbc.sql("select count(*) from contact.consultation where contact_id = ? and agent = ?")
                        .params(consultation.contactId(), consultation.agent())
                        .query(Long.class)
                        .single()
                > 0) {
            throw RequestRejected.conflict("consultation-already-recorded");
        }
        Instant recordedAt = clock.instant();
        long id = jdbc.sql("""
            insert into contact.consultation (contact_id, center_id, channel, queue_code, agent, customer_label, customer_id,
                category_id, disposition, follow_up, notes, transcript, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            returning id\
            """)
                .params(
                        consultation.contactId(),
                        consultation.centerId(),
                        consultation.channel(),
                        consultation.queue(),
                        consultation.agent(),
                        consultation.customerLabel(),
                        consultation.customerId(),
                        consultation.categoryId(),
                        consultation.disposition().name(),
                        consultation.followUp(),
                        notes == null || notes.isEmpty()
                                ? null
                                : masking.mask(notes).masked(),
                        json.writeValueAsString(consultation.transcript()),
                        Timestamp.from(recordedAt))
                .query(Long.class)
                .single();
        // In this transaction: the registry stores the event for each durable listener with the record, or neither.
        events.publishEvent(new ConsultationRecorded(
                id,
                consultation.contactId(),
                consultation.centerId(),
                consultation.channel(),
                consultation.queue(),
                consultation.agent(),
                consultation.customerId(),
                consultation.categoryId(),
                consultation.disposition(),
                consultation.followUp(),
                recordedAt));
        return id;
    }

    /** Which of these contacts the agent has written a record for. */
    public java.util.Set<String> recordedBy(String agent, java.util.Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(
                jdbc.sql("select contact_id from contact.consultation where agent = ? and contact_id = any(?)")
                        .params(agent, contactIds.toArray(String[]::new))
                        .query(String.class)
                        .list());
    }

    public record RecordedConsultation(
            long id,
            String contactId,
            String agent,
            String category,
            Disposition disposition,
            boolean followUp,
            @Nullable String notes,
            String recordedAt) {}

    public List<RecordedConsultation> ofAgent(String agent, int limit) {
        return jdbc.sql("""
            select c.id, c.contact_id, c.agent, k.name_ko, c.disposition, c.follow_up, c.notes, c.recorded_at
              from contact.consultation c join contact.category k on k.id = c.category_id
             where c.agent = ? order by c.recorded_at desc limit ?\
            """)
                .params(agent, limit)
                .query((row, n) -> new RecordedConsultation(
                        row.getLong("id"),
                        row.getString("contact_id"),
                        row.getString("agent"),
                        row.getString("name_ko"),
                        Disposition.valueOf(row.getString("disposition")),
                        row.getBoolean("follow_up"),
                        row.getString("notes"),
                        row.getTimestamp("recorded_at").toInstant().toString()))
                .list();
    }

    /** A consultation as the customer's history shows it: notes were masked when they were written. */
    public record CustomerConsultation(
            long id,
            String contactId,
            long centerId,
            String channel,
            @Nullable String queue,
            String agent,
            String categoryKorean,
            String categoryEnglish,
            Disposition disposition,
            boolean followUp,
            @Nullable String notes,
            Instant recordedAt) {

        public String category(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? categoryEnglish : categoryKorean;
        }

        public String dispositionKey() {
            return "record.disposition." + disposition.name();
        }
    }

    /**
     * A customer's consultations, newest first. The caller has logged the view of the customer;
     * these records carry no personal data in the clear (notes are masked at write time).
     */
    public List<CustomerConsultation> ofCustomer(long customerId, int limit) {
        return jdbc.sql("""
            select c.id, c.contact_id, c.center_id, c.channel, c.queue_code, c.agent, k.name_ko, k.name_en, c.disposition,
                   c.follow_up, c.notes, c.recorded_at
              from contact.consultation c join contact.category k on k.id = c.category_id
             where c.customer_id = ? order by c.recorded_at desc, c.id desc limit ?\
            """)
                .params(customerId, limit)
                .query((row, n) -> new CustomerConsultation(
                        row.getLong("id"),
                        row.getString("contact_id"),
                        row.getLong("center_id"),
                        row.getString("channel"),
                        row.getString("queue_code"),
                        row.getString("agent"),
                        row.getString("name_ko"),
                        row.getString("name_en"),
                        Disposition.valueOf(row.getString("disposition")),
                        row.getBoolean("follow_up"),
                        row.getString("notes"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    long addCategory(@Nullable Long parent, int level, String code, String korean, String english) {
        return jdbc.sql("insert into contact.category (parent_id, level, code, name_ko, name_en) values (?, ?, ?, ?,"
                        + " ?) returning id")
                .params(parent, level, code, korean, english)
                .query(Long.class)
                .single();
    }

    boolean hasCategories() {
        return jdbc.sql("select count(*) from contact.category")
                        .query(Long.class)
                        .single()
                > 0;
    }
}
