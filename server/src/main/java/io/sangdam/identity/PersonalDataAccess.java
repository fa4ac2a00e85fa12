package io.sangdam.identity;

import io.sangdam.platform.Reasons;
import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every module calls this before it shows, unmasks, downloads or exports personal data, so the
 * access log (개인정보 접속기록: account, time, IP, data subject, task) is complete. Anything beyond
 * viewing masked data needs the user's reason, and is refused without one.
 */
@Service
public class PersonalDataAccess {

    static final int MAXIMUM_REASON_LENGTH = 500;

    private final AccessLog log;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    PersonalDataAccess(AccessLog log, CurrentUsers currentUsers, Clock clock) {
        this.log = log;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * Records that the signed-in user accessed the subject's personal data.
     *
     * @throws RequestRejected {@code reason-required} when the task needs a reason and none is given
     */
    public void record(DataSubject subject, AccessTask task, @Nullable String reason) {
        String given = task.needsReason()
                ? Reasons.required(reason, MAXIMUM_REASON_LENGTH)
                : Reasons.optional(reason, MAXIMUM_REASON_LENGTH);
        log.append(clock.instant(), currentUsers.require(), clientAddress(), subject, task, given);
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
