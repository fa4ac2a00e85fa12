package io.sangdam.channel;

import io.sangdam.channel.demo.DemoQuickReplyStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo quick replies' writes, on channel's table. */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoQuickReplyTables implements DemoQuickReplyStore {

    private final QuickReplies replies;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoQuickReplyTables(QuickReplies replies, JdbcClient jdbc, Clock clock) {
        this.replies = replies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean hasQuickReplies() {
        return jdbc.sql("select exists (select 1 from channel.quick_reply)")
                .query(Boolean.class)
                .single();
    }

    @Override
    public void addCenterReply(long centerId, String title, String body, String language) {
        replies.add(centerId, QuickReplyScope.CENTER, null, null, title, body, language, "demo", clock.instant());
    }
}
