package io.sangdam.contact;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A FAKE SMS gateway: sends nothing. It writes each message to the server log (the phone masked, the
 * text as is, one-time codes included) and keeps the last few in memory, so the one-time code can be
 * tried and tested without an SMS provider. Only with {@code sangdam.sms.gateway=logging-fake}.
 *
 * <p>Hazard: a code in the log is a code anyone who reads the log can use. Never switch this on in
 * production (docs/operations.md); a real gateway replaces it there.
 */
@Component
@ConditionalOnProperty(name = "sangdam.sms.gateway", havingValue = "logging-fake")
public class LoggingSmsGatewayFake implements SmsGateway {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LoggingSmsGatewayFake.class);
    private static final int KEPT = 100;

    public record Sent(String mobilePhone, String text) {}

    private final Deque<Sent> sent = new ArrayDeque<>();

    @Override
    public synchronized void send(String mobilePhone, String text) {
        log.warn("FAKE SMS, not sent (sangdam.sms.gateway=logging-fake) to {}: {}", Masking.phone(mobilePhone), text);
        sent.addFirst(new Sent(mobilePhone, text));
        while (sent.size() > KEPT) {
            sent.removeLast();
        }
    }

    /** The newest message to this phone (digits compared), for tests and trying it out. */
    public synchronized Optional<Sent> lastTo(String mobilePhone) {
        String digits = mobilePhone.replaceAll("[^0-9]", "");
        return sent.stream()
                .filter(s -> s.mobilePhone().replaceAll("[^0-9]", "").equals(digits))
                .findFirst();
    }

    public synchronized List<Sent> all() {
        return List.copyOf(sent);
    }
}
