package io.sangdam.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the personal-data access log (개인정보 접속기록). */
public record AccessLogEntry(
        long id,
        Instant accessedAt,
        long accountId,
        String username,
        long centerId,
        @Nullable String clientIp,
        String subjectType,
        String subjectId,
        @Nullable String subjectLabel,
        AccessTask task,
        @Nullable String reason) {

    /** The kind of record as a reader names it; null only for a code no module writes any more. */
    public @Nullable DataSubjectType subjectKind() {
        return DataSubjectType.ofStored(subjectType);
    }

    /** How the id reads for its kind ("고객번호 C-1"), with a plain fallback for unknown kinds. */
    public String subjectIdKey() {
        DataSubjectType kind = subjectKind();
        return kind == null ? "data-subject.id" : kind.messageKey() + ".id";
    }
}
