package io.sangdam.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which articles the desk's knowledge panel showed in a chat and which the agent opened or put into a
 * reply (channel.knowledge_use): once per chat, article and action, however often it happens.
 */
@Component
class KnowledgeUses {

    enum Action {
        SHOWN,
        OPENED,
        INSERTED
    }

    /** Where the agent met the article: among the automatic suggestions, or by searching. */
    enum Source {
        SUGGESTED,
        SEARCHED
    }

    /** An article's uses in a center since some time; {@code shown}: chats it was suggested in. */
    record ArticleUse(String articleId, String title, long shown, long opened, long inserted, long searchedAndUsed) {}

    /** The center's totals: chats × articles suggested, and of those opened or inserted. */
    record Totals(long suggested, long suggestedOpened, long suggestedInserted, long suggestedUsed, long searchedUsed) {

        /** Of the suggestions shown, the share opened or inserted, in percent (0 when none were shown). */
        long usedPercent() {
            return suggested == 0 ? 0 : Math.round(100.0 * suggestedUsed / suggested);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    KnowledgeUses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the action unless this chat's agent did it to this article already; true when recorded now. */
    boolean record(
            long centerId,
            String conversation,
            String agent,
            String articleId,
            String title,
            Action action,
            Source source) {
        return jdbc.sql("""
            insert into channel.knowledge_use
                (center_id, conversation_id, agent_username, article_id, article_title, action, source, at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (conversation_id, article_id, action) do nothing
            """)
                        .params(
                                centerId,
                                conversation,
                                agent,
                                articleId,
                                title.length() > 300 ? title.substring(0, 300) : title,
                                action.name(),
                                source.name(),
                                java.sql.Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** The articles most put into replies (then most opened) in the center since {@code since}. */
    List<ArticleUse> mostUsed(long centerId, Instant since, int limit) {
        return jdbc.sql("""
            select article_id, max(article_title) as title,
                   count(*) filter (where action = 'SHOWN') as shown,
                   count(*) filter (where action = 'OPENED') as opened,
                   count(*) filter (where action = 'INSERTED') as inserted,
                   count(*) filter (where action <> 'SHOWN' and source = 'SEARCHED') as searched_used
            from channel.knowledge_use
            where center_id = ? and at >= ?
            group by article_id
            having count(*) filter (where action <> 'SHOWN') > 0
            order by inserted desc, opened desc, article_id
            limit ?
            """)
                .params(centerId, java.sql.Timestamp.from(since), limit)
                .query((row, n) -> new ArticleUse(
                        row.getString("article_id"),
                        row.getString("title"),
                        row.getLong("shown"),
                        row.getLong("opened"),
                        row.getLong("inserted"),
                        row.getLong("searched_used")))
                .list();
    }

    /** Suggested and never opened nor inserted: articles that come up but do not answer. */
    List<ArticleUse> shownNeverUsed(long centerId, Instant since, int limit) {
        return jdbc.sql("""
            select article_id, max(article_title) as title, count(*) as shown
            from channel.knowledge_use u
            where center_id = ? and at >= ? and action = 'SHOWN'
              and not exists (select 1 from channel.knowledge_use used
                              where used.center_id = u.center_id and used.article_id = u.article_id
                                and used.action <> 'SHOWN' and used.at >= ?)
            group by article_id
            order by shown desc, article_id
            limit ?
            """)
                .params(centerId, java.sql.Timestamp.from(since), java.sql.Timestamp.from(since), limit)
                .query((row, n) -> new ArticleUse(
                        row.getString("article_id"), row.getString("title"), row.getLong("shown"), 0, 0, 0))
                .list();
    }

    Totals totals(long centerId, Instant since) {
        return jdbc.sql("""
            select count(*) filter (where s.action = 'SHOWN') as suggested,
                   count(*) filter (where s.action = 'SHOWN' and exists (
                       select 1 from channel.knowledge_use o where o.conversation_id = s.conversation_id
                         and o.article_id = s.article_id and o.action = 'OPENED')) as suggested_opened,
                   count(*) filter (where s.action = 'SHOWN' and exists (
                       select 1 from channel.knowledge_use i where i.conversation_id = s.conversation_id
                         and i.article_id = s.article_id and i.action = 'INSERTED')) as suggested_inserted,
                   count(*) filter (where s.action = 'SHOWN' and exists (
                       select 1 from channel.knowledge_use u where u.conversation_id = s.conversation_id
                         and u.article_id = s.article_id and u.action <> 'SHOWN')) as suggested_used,
                   count(distinct (s.conversation_id, s.article_id))
                       filter (where s.action <> 'SHOWN' and s.source = 'SEARCHED') as searched_used
            from channel.knowledge_use s
            where s.center_id = ? and s.at >= ?
            """)
                .params(centerId, java.sql.Timestamp.from(since))
                .query((row, n) -> new Totals(
                        row.getLong("suggested"),
                        row.getLong("suggested_opened"),
                        row.getLong("suggested_inserted"),
                        row.getLong("suggested_used"),
                        row.getLong("searched_used")))
                .single();
    }
}
