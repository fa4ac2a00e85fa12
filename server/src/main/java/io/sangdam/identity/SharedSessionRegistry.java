package io.sangdam.identity;

import jakarta.servlet.http.HttpSession;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Session's registry of sessions in the database (docs/adr/0010), except that Spring
 * Security's check on every request that the session has not been ended (ConcurrentSessionFilter)
 * looks at the session Spring Session's filter read for this request, instead of reading it from
 * the database a second time.
 */
final class SharedSessionRegistry<S extends Session> extends SpringSessionBackedSessionRegistry<S> {

    /**
     * The attribute by which Spring Session's {@code SessionInformation.expireNow()} marks an
     * ended session (package-private there). SharedSessionTests ends a session on one node and
     * expects the other to notice: a renamed attribute fails it.
     */
    static final String EXPIRED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    SharedSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        super(sessions);
    }

    @Override
    public @Nullable SessionInformation getSessionInformation(String sessionId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            HttpSession session = current.getRequest().getSession(false);
            if (session != null && session.getId().equals(sessionId)) {
                var information =
                        new SessionInformation(principal(session), sessionId, new Date(session.getLastAccessedTime()));
                if (Boolean.TRUE.equals(session.getAttribute(EXPIRED))) {
                    information.expireNow();
                }
                return information;
            }
        }
        return super.getSessionInformation(sessionId);
    }

    private static Object principal(HttpSession session) {
        if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null) {
            return context.getAuthentication().getName();
        }
        return "";
    }
}
