package io.sangdam.channel;

import io.sangdam.channel.LeftMessages.LeftMessage;
import io.sangdam.contact.Masking;
import io.sangdam.contact.TextMasking;
import io.sangdam.identity.AccessTask;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.DataSubjectType;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers leave in the widget while a queue is closed, and the center's list of them: a
 * callback item each, shown masked; an agent who calls back unmasks the phone with a reason (logged)
 * and marks the item done. Once the queue is open again each open message is also routed as a
 * contact of its queue ({@link CallbackContacts}, docs/adr/0007): the list shows who it is offered
 * to and who took it, and marking one done by hand ends its contact.
 */
@Service
class Callbacks {

    static final int MAXIMUM_MESSAGE_LENGTH = 1000;
    static final int LISTED = 200;

    /** A left message as screens show it: name, phone masked; the message was masked when stored. */
    record MaskedCallback(
            long id,
            String queue,
            String name,
            String phone,
            String message,
            Instant createdAt,
            String status,
            String handledBy,
            boolean routed,
            String offeredTo,
            String takenBy) {}

    record UnmaskedCallback(long id, String name, String phone) {}

    private final LeftMessages messages;
    private final TextMasking masking;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final CallbackContacts contacts;

    Callbacks(
            LeftMessages messages,
            TextMasking masking,
            PersonalDataAccess access,
            Clock clock,
            CallbackContacts contacts) {
        this.contacts = contacts;
        this.messages = messages;
        this.masking = masking;
        this.access = access;
        this.clock = clock;
    }

    long leave(long center, String queue, String name, String phone, String message) {
        String body = message.strip();
        if (body.isEmpty()) {
            throw RequestRejected.badRequest("empty-message");
        }
        if (body.length() > MAXIMUM_MESSAGE_LENGTH) {
            throw RequestRejected.badRequest("message-too-long", MAXIMUM_MESSAGE_LENGTH);
        }
        return messages.add(
                center, queue, name.strip(), phone.strip(), masking.mask(body).masked(), clock.instant());
    }

    List<MaskedCallback> of(long center, LeftMessages.Status status) {
        return messages.of(center, status, LISTED).stream()
                .map(Callbacks::masked)
                .toList();
    }

    @Transactional
    UnmaskedCallback unmask(CurrentUser user, long id, String reason) {
        LeftMessage message = require(user, id);
        access.record(subject(message), AccessTask.UNMASK, reason);
        return new UnmaskedCallback(message.id(), message.name(), message.phone());
    }

    /**
     * Marked done by hand, for a message nobody took (or by the agent who took it); its routed contact
     * ends. A message another agent took is theirs to finish with a consultation record.
     */
    void done(CurrentUser user, long id) {
        LeftMessage message = require(user, id);
        if (message.status() == LeftMessages.Status.OPEN
                && message.takenBy() != null
                && !message.takenBy().equalsIgnoreCase(user.username())) {
            throw RequestRejected.conflict("callback-taken", id, message.takenBy());
        }
        if (messages.done(message.id(), user.username(), clock.instant()) == 0) {
            throw RequestRejected.conflict("callback-already-done", id);
        }
        contacts.endContact(message);
    }

    private LeftMessage require(CurrentUser user, long id) {
        LeftMessage message = messages.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-callback", id));
        if (!user.canSee(message.centerId())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        return message;
    }

    private static DataSubject subject(LeftMessage message) {
        return new DataSubject(
                DataSubjectType.LEFT_MESSAGE, String.valueOf(message.id()), Masking.name(message.name()));
    }

    private static MaskedCallback masked(LeftMessage message) {
        return new MaskedCallback(
                message.id(),
                message.queue(),
                Masking.name(message.name()),
                Masking.phone(message.phone()),
                message.body(),
                message.createdAt(),
                message.status().name(),
                message.handledBy() == null ? "" : message.handledBy(),
                message.routedAt() != null,
                message.offeredTo() == null ? "" : message.offeredTo(),
                message.takenBy() == null ? "" : message.takenBy());
    }
}
