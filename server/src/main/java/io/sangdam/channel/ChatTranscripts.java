package io.sangdam.channel;

import io.sangdam.protection.Transcripts;
import java.util.List;
import org.springframework.stereotype.Component;

/** Chat transcripts for protection's evidence pack: the stored (masked) messages with their flags. */
@Component
class ChatTranscripts implements Transcripts {

    private final Conversations conversations;

    ChatTranscripts(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public List<Line> of(String contact) {
        return conversations.messages(contact).stream()
                .map(m -> new Line(
                        m.sender().name(),
                        m.body(),
                        m.sentAt(),
                        m.flags().stream()
                                .map(f -> new Flag(f.category(), f.severity(), f.start(), f.end()))
                                .toList()))
                .toList();
    }
}
