package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.RunningServer.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The dictionary's API as administrators use it. The dictionary is one for the whole deployment, so
 * each test uses words of its own (뽀롱…) and removes them again.
 */
@RunningServer
@RecordApplicationEvents
class SearchDictionaryApiTests {

    private static final String ADMIN = "admin";
    private static final String BASE = "/api/knowledge/dictionary";

    @LocalServerPort
    int port;

    @Autowired
    SearchDictionaries dictionaries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theDemoDictionaryIsSeededAndReadableAsTheAnalyzersRecord() {
        var dictionary = dictionaries.current();
        assertThat(dictionary.userWords()).contains("해지", "명의이전 명의 이전", "5G");
        assertThat(dictionary.synonyms()).contains(List.of("해지", "해약"), List.of("요금제", "플랜"));
        var listed = api().get(BASE, ADMIN, RunningServer.DEMO_PASSWORD, "ko");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("revision").asLong()).isPositive();
        assertThat(listed.json().get("synonymGroups").findValuesAsString("changedBy"))
                .contains("demo");
    }

    @Test
    void anAdministratorAddsAndRemovesAWordAndAGroupAndEveryChangeIsInTheHistory() {
        long before = dictionaries.revision();
        var word = post("/words", "{\"word\": \"뽀롱요금제\", \"segmentation\": \"뽀롱 요금제\"}");
        assertThat(word.status()).as(word.body()).isEqualTo(201);
        assertThat(word.json().get("addedBy").asString()).isEqualTo(ADMIN);
        assertThat(dictionaries.current().userWords()).contains("뽀롱요금제 뽀롱 요금제");

        var group = post("/synonyms", "{\"terms\": [\"zetaplan\", \" 뽀롱요금제 \", \"ZetaPlan\"]}");
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        assertThat(group.json().get("terms").values())
                .extracting(node -> node.asString())
                .containsExactly("zetaplan", "뽀롱요금제");

        var changed = api().put(
                        BASE + "/synonyms/" + groupId, "{\"terms\": [\"zetaplan\", \"뽀롱요금제\", \"zetaprice\"]}", ADMIN);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(dictionaries.current().synonyms()).contains(List.of("zetaplan", "뽀롱요금제", "zetaprice"));

        // The preview shows the new word whole and its synonyms beside it, before and after a sentence's particle.
        var preview = post("/analysis", "{\"text\": \"뽀롱요금제를 바꾸고 싶어요\"}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("current").get("tokens").findValuesAsString("term"))
                .startsWith("뽀롱", "요금제", "를");
        assertThat(preview.json().get("current").get("searchTerms").findValuesAsString("term"))
                .contains("zetaplan", "zetaprice");

        assertThat(api().delete(BASE + "/synonyms/" + groupId, ADMIN).status()).isEqualTo(204);
        assertThat(api().delete(BASE + "/words/" + word.json().get("id").asLong(), ADMIN)
                        .status())
                .isEqualTo(204);
        assertThat(dictionaries.current().userWords()).doesNotContain("뽀롱요금제 뽀롱 요금제");

        var history = api().get(BASE + "/history?limit=5", ADMIN, RunningServer.DEMO_PASSWORD, "ko");
        assertThat(history.json().findValuesAsString("action"))
                .startsWith("WORD_REMOVED", "SYNONYMS_REMOVED", "SYNONYMS_CHANGED", "SYNONYMS_ADDED", "WORD_ADDED");
        assertThat(history.json().get(2).get("previous").asString()).isEqualTo("zetaplan, 뽀롱요금제");
        assertThat(history.json().findValuesAsString("changedBy")).containsOnly(ADMIN);
        assertThat(dictionaries.revision()).isGreaterThanOrEqualTo(before + 5);
    }

    @Test
    void everyChangePublishesTheRevisionItMadeAndTheHistoryCannotBeRewritten() {
        var word = dictionaries.addUserWord("뽀롱이벤트", null, "test");
        dictionaries.removeUserWord(word.id(), "test");
        List<SearchDictionaryChanged> published =
                events.stream(SearchDictionaryChanged.class).toList();
        assertThat(published).hasSize(2);
        assertThat(published.get(1).revision())
                .isEqualTo(dictionaries.history(1).getFirst().revision());
        assertThat(published.get(1).revision()).isGreaterThan(published.get(0).revision());

        // Refused attempts publish nothing.
        assertThatThrownBy(() -> dictionaries.addSynonymGroup(List.of("뽀롱"), "test"));
        assertThat(events.stream(SearchDictionaryChanged.class)).hasSize(2);

        assertThatThrownBy(() -> jdbc.sql("update knowledge.dictionary_change set changed_by = 'x'")
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        jdbc.sql("delete from knowledge.dictionary_change").update())
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void badWordsAreRefusedWithAStableCodeAndAReadableMessage() {
        long before = dictionaries.revision();
        refused(post("/words", "{\"word\": \"뽀롱\\t요금제\"}"), 400, "dictionary-control-character");
        refused(post("/words", "{\"word\": \"뽀롱\\u200b요금제\"}"), 400, "dictionary-control-character");
        // The platform's JSON reading refuses a NUL and a lone surrogate before any module sees them.
        refused(post("/words", "{\"word\": \"뽀롱\\u0000\"}"), 400, "invalid-text");
        refused(post("/words", "{\"word\": \"뽀롱\\ud800\"}"), 400, "invalid-text");
        refused(post("/words", "{\"word\": \"\"}"), 400, "dictionary-word-empty");
        refused(post("/words", "{}"), 400, "dictionary-word-empty");
        refused(post("/words", "{\"word\": \"" + "뽀".repeat(31) + "\"}"), 400, "dictionary-word-too-long");
        refused(post("/words", "{\"word\": \"뽀롱#\"}"), 400, "dictionary-word-characters");
        refused(
                post("/words", "{\"word\": \"뽀롱요금제\", \"segmentation\": \"뽀롱 요금\"}"),
                400,
                "dictionary-segmentation-mismatch");
        refused(post("/words", "{\"word\": \"해지\"}"), 409, "dictionary-word-duplicate");
        refused(post("/words", "{\"word\": \"5g\"}"), 409, "dictionary-word-duplicate");
        refused(api().delete(BASE + "/words/999999999", ADMIN), 404, "unknown-dictionary-word");
        assertThat(dictionaries.revision()).isEqualTo(before);
    }

    @Test
    void badGroupsAreRefusedAndAConflictNamesTheOtherGroup() {
        long before = dictionaries.revision();
        refused(post("/synonyms", "{\"terms\": []}"), 400, "synonym-group-too-small");
        refused(post("/synonyms", "{}"), 400, "synonym-group-too-small");
        refused(post("/synonyms", "{\"terms\": [\"뽀롱\"]}"), 400, "synonym-group-too-small");
        refused(post("/synonyms", "{\"terms\": [\"뽀롱\", \"뽀롱 \"]}"), 400, "synonym-group-too-small");
        refused(post("/synonyms", "{\"terms\": [\"뽀롱\", \"\"]}"), 400, "synonym-term-empty");
        refused(post("/synonyms", "{\"terms\": [\"뽀롱\", \"삐롱\\n\"]}"), 400, "dictionary-control-character");
        refused(post("/synonyms", "{\"terms\": [\"뽀롱\", \"삐롱\\ud800\"]}"), 400, "invalid-text");
        refused(post("/synonyms", "{\"terms\": [\"뽀롱\", \"삐롱=>뽀롱\"]}"), 400, "synonym-term-characters");
        refused(post("/synonyms", "{\"terms\": [\"zeta\", \"에서\"]}"), 400, "synonym-term-unusable");
        refused(post("/synonyms", "{\"terms\": \"뽀롱\"}"), 400, null);

        var conflict = post("/synonyms", "{\"terms\": [\"뽀롱해지\", \"해약\"]}");
        refused(conflict, 409, "synonym-term-conflict");
        assertThat(conflict.json().get("detail").asString()).contains("해약", "해지, 해약");
        var english = api().post(
                        BASE + "/synonyms",
                        "{\"terms\": [\"뽀롱해지\", \"해약\"]}",
                        "application/json",
                        ADMIN,
                        RunningServer.DEMO_PASSWORD,
                        "en");
        assertThat(english.json().get("detail").asString()).startsWith("'해약' is already in another synonym group");

        refused(
                api().put(BASE + "/synonyms/999999999", "{\"terms\": [\"뽀롱\", \"삐롱\"]}", ADMIN),
                404,
                "unknown-synonym-group");
        refused(post("/analysis", "{\"text\": \"  \"}"), 400, "dictionary-preview-empty");
        refused(
                post("/analysis", "{\"text\": \"해지\", \"word\": \"뽀롱\", \"segmentation\": \"뽀 뽀\"}"),
                400,
                "dictionary-segmentation-mismatch");
        assertThat(dictionaries.revision()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsChangeOrEvenReadTheDictionary() {
        long before = dictionaries.revision();
        for (String user : List.of("gn.manager", "protection", "gn.agent", "executive")) {
            var word = api().post(
                            BASE + "/words",
                            "{\"word\": \"뽀롱권한\"}",
                            "application/json",
                            user,
                            RunningServer.DEMO_PASSWORD,
                            "ko");
            assertThat(word.status()).as(user + ": " + word.body()).isEqualTo(403);
            var group = api().post(
                            BASE + "/synonyms",
                            "{\"terms\": [\"뽀롱\", \"삐롱\"]}",
                            "application/json",
                            user,
                            RunningServer.DEMO_PASSWORD,
                            "ko");
            assertThat(group.status()).as(user).isEqualTo(403);
            assertThat(api().get(BASE, user, RunningServer.DEMO_PASSWORD, "ko").status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(dictionaries.revision()).isEqualTo(before);
    }

    private ApiClient api() {
        return ApiClient.on(port);
    }

    private Response post(String path, String json) {
        return api().post(BASE + path, json, "application/json", ADMIN, RunningServer.DEMO_PASSWORD, "ko");
    }

    private static void refused(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(response.json().get("code").asString())
                    .as(response.body())
                    .isEqualTo(code);
        }
        assertThat(response.json().get("detail").asString()).as(response.body()).isNotBlank();
    }
}
