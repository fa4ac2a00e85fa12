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
        @Nullable String reason) {}
