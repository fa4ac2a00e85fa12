package io.sangdam.knowledge;

import io.sangdam.knowledge.SearchDictionaries.DictionaryAction;
import io.sangdam.knowledge.SearchDictionaries.DictionaryChange;
import io.sangdam.knowledge.SearchDictionaries.SynonymGroup;
import io.sangdam.knowledge.SearchDictionaries.UserWord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dictionary's rows in schema {@code knowledge}; checks and events are {@link SearchDictionaries}'. */
@Repository
class SearchDictionaryTables {

    private final JdbcClient jdbc;

    SearchDictionaryTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises dictionary changes across nodes until the transaction ends: checks see every commit before. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('knowledge.search_dictionary'))")
                .query()
                .singleValue();
    }

    List<UserWord> userWords() {
        return jdbc.sql("select * from knowledge.user_word order by word, id")
                .query((row, n) -> new UserWord(
                        row.getLong("id"),
                        row.getString("word"),
                        row.getString("segmentation"),
                        row.getTimestamp("added_at").toInstant(),
                        row.getString("added_by")))
                .list();
    }

    Optional<UserWord> userWord(long id) {
        return userWords().stream().filter(word -> word.id() == id).findFirst();
    }

    long addUserWord(String word, @Nullable String segmentation, Instant at, String by) {
        return jdbc.sql("""
            insert into knowledge.user_word (word, segmentation, added_at, added_by)
            values (?, ?, ?, ?) returning id\
            """)
                .params(word, segmentation, Timestamp.from(at), by)
                .query(Long.class)
                .single();
    }

    void removeUserWord(long id) {
        jdbc.sql("delete from knowledge.user_word where id = ?").param(id).update();
    }

    List<SynonymGroup> synonymGroups() {
        Map<Long, List<String>> terms = new LinkedHashMap<>();
        jdbc.sql("select group_id, term from knowledge.synonym_term order by group_id, position")
                .query((RowCallbackHandler)
                        row -> terms.computeIfAbsent(row.getLong("group_id"), id -> new ArrayList<>())
                                .add(row.getString("term")));
        return jdbc.sql("select * from knowledge.synonym_group order by id")
                .query((row, n) -> new SynonymGroup(
                        row.getLong("id"),
                        terms.getOrDefault(row.getLong("id"), List.of()),
                        row.getTimestamp("changed_at").toInstant(),
                        row.getString("changed_by")))
                .list();
    }

    Optional<SynonymGroup> synonymGroup(long id) {
        return synonymGroups().stream().filter(group -> group.id() == id).findFirst();
    }

    long addSynonymGroup(List<String> terms, Instant at, String by) {
        long id = jdbc.sql("insert into knowledge.synonym_group (changed_at, changed_by) values (?, ?) returning id")
                .params(Timestamp.from(at), by)
                .query(Long.class)
                .single();
        insertTerms(id, terms);
        return id;
    }

    void changeSynonymGroup(long id, List<String> terms, Instant at, String by) {
        jdbc.sql("update knowledge.synonym_group set changed_at = ?, changed_by = ? where id = ?")
                .params(Timestamp.from(at), by, id)
                .update();
        jdbc.sql("delete from knowledge.synonym_term where group_id = ?")
                .param(id)
                .update();
        insertTerms(id, terms);
    }

    void removeSynonymGroup(long id) {
        jdbc.sql("delete from knowledge.synonym_group where id = ?").param(id).update();
    }

    long recordChange(Instant at, String by, DictionaryAction action, String entry, @Nullable String previous) {
        return jdbc.sql("""
            insert into knowledge.dictionary_change (changed_at, changed_by, action, entry, previous)
            values (?, ?, ?, ?, ?) returning id\
            """)
                .params(Timestamp.from(at), by, action.name(), entry, previous)
                .query(Long.class)
                .single();
    }

    /** The id of the last change, 0 before the first. */
    long revision() {
        return jdbc.sql("select coalesce(max(id), 0) from knowledge.dictionary_change")
                .query(Long.class)
                .single();
    }

    List<DictionaryChange> history(int limit) {
        return jdbc.sql("select * from knowledge.dictionary_change order by id desc limit ?")
                .param(limit)
                .query((row, n) -> new DictionaryChange(
                        row.getLong("id"),
                        row.getTimestamp("changed_at").toInstant(),
                        row.getString("changed_by"),
                        DictionaryAction.valueOf(row.getString("action")),
                        row.getString("entry"),
                        row.getString("previous")))
                .list();
    }

    private void insertTerms(long groupId, List<String> terms) {
        for (int position = 0; position < terms.size(); position++) {
            jdbc.sql("insert into knowledge.synonym_term (group_id, position, term) values (?, ?, ?)")
                    .params(groupId, position, terms.get(position))
                    .update();
        }
    }
}
