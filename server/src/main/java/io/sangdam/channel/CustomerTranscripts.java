package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.channel.Conversations.Message;
import io.sangdam.channel.Conversations.Sender;
import io.sangdam.identity.CenterDirectory;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The conversation as the customer saw it, as a plain text file to keep: their own messages as 나,
 * the agent's as 상담사, notices as 안내, each with its time in the center's time zone. The bodies are
 * the stored ones, masked as the widget showed them; agents' notes are left out, as the widget leaves
 * them out. Only for a caller who proved they hold the chat's token ({@link Chats#owned}).
 */
@Component
class CustomerTranscripts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Chats chats;
    private final CenterDirectory centers;
    private final MessageSource messages;

    CustomerTranscripts(Chats chats, CenterDirectory centers, MessageSource messages) {
        this.chats = chats;
        this.centers = centers;
        this.messages = messages;
    }

    /** A name for the file, from the chat's start in the center's time zone. */
    String fileName(Conversation conversation) {
        var zone = centers.get(conversation.centerId()).timeZone();
        return "sangdam-chat-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
                        .format(conversation.createdAt().atZone(zone))
                + ".txt";
    }

    /** Call with a conversation from {@link Chats#owned}. */
    String text(Conversation conversation, Locale locale) {
        var center = centers.get(conversation.centerId());
        var zone = center.timeZone();
        List<Message> history = chats.customerHistory(conversation.id());
        var text = new StringBuilder();
        text.append(messages.getMessage("chat.transcript-heading", new Object[] {center.name()}, locale))
                .append('\n');
        text.append(messages.getMessage("chat.transcript-zone", new Object[] {zone.getId()}, locale))
                .append("\n\n");
        for (Message message : history) {
            text.append('[')
                    .append(TIME.format(message.sentAt().atZone(zone)))
                    .append("] ")
                    .append(speaker(message.sender(), locale))
                    .append(": ")
                    // A body spanning lines stays readable as one entry.
                    .append(message.body().replace("\n", "\n    "))
                    .append('\n');
        }
        return text.toString();
    }

    private String speaker(Sender sender, Locale locale) {
        String key = switch (sender) {
            case CUSTOMER -> "chat.you";
            case AGENT -> "chat.agent";
            case SUPERVISOR -> "chat.supervisor";
            case SYSTEM -> "chat.system";
            // customerHistory leaves these out; a change there must not leak one into a download.
            case NOTE, WHISPER -> throw new IllegalStateException("agents-only message in a customer's transcript");
        };
        return messages.getMessage(key, null, locale);
    }
}
