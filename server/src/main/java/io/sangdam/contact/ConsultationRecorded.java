package io.sangdam.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agent saved the consultation record of a contact (상담 이력 저장): the contact is closed for
 * that agent. Published in the saving transaction; what hangs on it (reporting facts, quality
 * sampling, a survey after the contact, a VOC case) listens with {@code @ApplicationModuleListener},
 * so it is stored with the record and handed over again after a crash (docs/adr/0015).
 *
 * <p>It carries no notes and no transcript on purpose: the event is stored as JSON in the
 * publication registry until every listener has handled it, and personal data must stay in the
 * record, masked. A listener that needs them reads the record by {@code consultationId}.
 *
 * @param customerId the customer the agent verified, if any (a claimed one is not named)
 */
public record ConsultationRecorded(
        long consultationId,
        String contactId,
        long centerId,
        String channel,
        @Nullable String queue,
        String agent,
        @Nullable Long customerId,
        long categoryId,
        Disposition disposition,
        boolean followUp,
        Instant recordedAt) {}
