package io.sangdam.routing;

import io.sangdam.routing.runtime.RoutingHost;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A not-ready reason as a person reads it. The engine keeps a reason as the text it was given, and
 * the log replays it as stored, so a stored reason never changes: the words are chosen when shown.
 * Routing gives some reasons itself ("logged in" after 업무 시작, 후처리 carried over a checkpoint,
 * a supervisor's 팀장 지정), which are codes, not words; a center's own reason is shown in the
 * reader's language whichever language the agent chose it in; anything else (a reason an
 * integration sent) is shown as it came.
 */
@Component
public class NotReadyReasonLabels {

    private static final String SET_BY_SUPERVISOR_PREFIX = "팀장 지정 (set by supervisor ";

    private final CenterRoutingRules rules;
    private final MessageSource messages;

    NotReadyReasonLabels(CenterRoutingRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    /** The reason stored when a supervisor takes an agent out of routing from the board. */
    public static String setBySupervisor(String supervisor) {
        return SET_BY_SUPERVISOR_PREFIX + supervisor + ")";
    }

    /** Labels for one center's reasons in one language (the center's reasons are read once). */
    public UnaryOperator<String> of(CenterId center, Locale locale) {
        Map<String, String> named = new HashMap<>();
        for (NotReadyReason reason : rules.reasons(center.value())) {
            named.put(reason.nameKorean(), reason.name(locale));
            named.put(reason.nameEnglish(), reason.name(locale));
        }
        named.put(RoutingHost.NOT_READY_AFTER_LOG_IN, text("not-ready-reason.logged-in", locale));
        named.put(RoutingHost.WRAP_UP_CARRIED, text("not-ready-reason.wrap-up", locale));
        return reason -> {
            String label = named.get(reason);
            if (label != null) {
                return label;
            }
            if (reason.startsWith(SET_BY_SUPERVISOR_PREFIX) && reason.endsWith(")")) {
                String supervisor = reason.substring(SET_BY_SUPERVISOR_PREFIX.length(), reason.length() - 1);
                return messages.getMessage("not-ready-reason.set-by-supervisor", new Object[] {supervisor}, locale);
            }
            return reason;
        };
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
