package io.sangdam.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sangdam.knowledge.ArticleKind;
import io.sangdam.knowledge.Audience;
import io.sangdam.knowledge.KnowledgeHits;
import io.sangdam.knowledge.KnowledgeQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The index without Spring: analysis, filters, snippets, facets and the fingerprint that says "stale". */
class KnowledgeIndexTests {

    static final long CENTER = 7;
    static final long OTHER_CENTER = 8;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    static final SearchDictionary DICTIONARY =
            new SearchDictionary(List.of(), List.of(List.of("해지", "해약"), List.of("요금제", "플랜")));

    static final IndexedArticle CANCEL = article(
            "KB-1",
            "인터넷 서비스 해지 방법",
            "서비스 해지는 고객센터 전화 또는 매장 방문으로 신청합니다. 약정 기간 안에 해지하면 위약금이 있습니다.",
            "요금/해지",
            List.of("해지", "위약금"));
    static final IndexedArticle PLAN_CHANGE =
            article("KB-2", "요금제 변경 안내", "요금제 변경은 매월 1일부터 적용됩니다. 앱의 요금제 메뉴에서 바꿀 수 있습니다.", "요금/요금제", List.of("요금제"));
    static final IndexedArticle ROAMING =
            article("KB-3", "해외 로밍 신청", "출국 전에 데이터 로밍을 신청하세요. 로밍 요금은 국가별로 다릅니다.", "서비스/로밍", List.of("로밍"));
    static final IndexedArticle DEVICE =
            article("KB-4", "휴대폰 분실 신고", "휴대폰을 잃어버리면 분실 신고로 회선을 정지합니다.", "단말/분실", List.of("분실"));

    KnowledgeIndex index;

    @BeforeEach
    void open() {
        index = KnowledgeIndex.open(
                new ByteBuffersDirectory(), new KoreanAnalysis(AnalyzerChoice.NORI_WITH_BIGRAM, DICTIONARY));
        index.rebuild(List.of(CANCEL, PLAN_CHANGE, ROAMING, DEVICE), "v1");
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void aVerbWithEndingsFindsTheNounsArticle() {
        assertThat(ids("해지하려면 어떻게 해야 하나요")).first().isEqualTo("KB-1");
    }

    @ParameterizedTest
    @EnumSource(AnalyzerChoice.class)
    void wordsWrittenWithoutSpacesFindTheSpacedOnes(AnalyzerChoice choice) throws Exception {
        try (KnowledgeIndex other =
                KnowledgeIndex.open(new ByteBuffersDirectory(), new KoreanAnalysis(choice, DICTIONARY))) {
            other.rebuild(List.of(CANCEL, PLAN_CHANGE, ROAMING, DEVICE), "v1");
            assertThat(other.search(query("요금제변경")).results())
                    .first()
                    .extracting(KnowledgeHits.Hit::id)
                    .isEqualTo("KB-2");
        }
    }

    @Test
    void aSynonymFindsTheWordItStandsFor() {
        assertThat(ids("해약")).first().isEqualTo("KB-1");
        assertThat(ids("플랜 바꾸기")).first().isEqualTo("KB-2");
        try (KnowledgeIndex without = KnowledgeIndex.open(
                new ByteBuffersDirectory(), new KoreanAnalysis(AnalyzerChoice.NORI, SearchDictionary.EMPTY))) {
            without.rebuild(List.of(CANCEL, PLAN_CHANGE), "v1");
            assertThat(without.search(query("플랜")).results()).isEmpty();
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"해지",
                "(해지",
                "해지:",
                "title:해지",
                "해지*",
                "해지~2",
                "해지 AND 위약금 OR",
                "\\",
                "***",
                ":",
                "\"\"",
                "(",
                "[해지 TO 요금]",
                "+해지 -로밍",
                "/정규식/",
                "{",
                "!",
                "&&",
                "||"
            })
    void querySyntaxIsText(String text) {
        assertThatCode(() -> index.search(query(text))).doesNotThrowAnyException();
        if (text.contains("해지")) {
            assertThat(ids(text)).contains("KB-1");
        }
    }

    @Test
    void aTypoStillFindsTheArticleAndSuggestsTheWord() {
        KnowledgeHits hits = index.search(query("로밈 신청"));
        assertThat(hits.results()).extracting(KnowledgeHits.Hit::id).first().isEqualTo("KB-3");
        assertThat(index.search(query("분싫")).results())
                .extracting(KnowledgeHits.Hit::id)
                .contains("KB-4");
        assertThat(index.search(query("위약굼")).results())
                .extracting(KnowledgeHits.Hit::id)
                .first()
                .isEqualTo("KB-1");
        assertThat(index.search(query("위약굼 있나요?")).didYouMean()).isEqualTo("위약금 있나요?");
        assertThat(index.search(query("로밈을 신청")).didYouMean()).isEqualTo("로밍을 신청");
        assertThat(index.search(query("위약금")).didYouMean()).isNull();
        assertThat(index.search(query("해약")).didYouMean())
                .as("a synonym is no typo")
                .isNull();
    }

    @Test
    void titleOutweighsText() {
        // 로밍 is in KB-3's title and only in KB-... nowhere else; 요금 is in KB-2's title and in KB-3's text.
        assertThat(ids("요금제")).first().isEqualTo("KB-2");
    }

    @Test
    void filtersByCategoryPrefixAudienceKindAndVisibility() {
        IndexedArticle agentsOnly = new IndexedArticle(
                UUID.randomUUID(),
                "KB-5",
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "해지 방어 스크립트",
                "해지를 원하는 고객에게 혜택을 안내합니다.",
                "요금/해지/방어",
                List.of(),
                Audience.AGENTS,
                null,
                null,
                false,
                Instant.EPOCH);
        IndexedArticle otherCenters = new IndexedArticle(
                UUID.randomUUID(),
                "KB-6",
                OTHER_CENTER,
                false,
                ArticleKind.ARTICLE,
                "해지 접수 (다른 센터)",
                "해지",
                null,
                List.of(),
                Audience.PUBLIC,
                null,
                null,
                false,
                Instant.EPOCH);
        IndexedArticle sharedByHeadquarters = new IndexedArticle(
                UUID.randomUUID(),
                "KB-7",
                OTHER_CENTER,
                true,
                ArticleKind.SNIPPET,
                "해지 인사말",
                "해지 문의 감사합니다",
                null,
                List.of(),
                Audience.AGENTS,
                null,
                null,
                false,
                Instant.EPOCH);
        index.putAll(List.of(agentsOnly, otherCenters, sharedByHeadquarters));

        assertThat(ids("해지")).containsExactlyInAnyOrder("KB-1", "KB-5", "KB-7");
        assertThat(ids(query("해지").withCategory("요금"))).containsExactlyInAnyOrder("KB-1", "KB-5");
        assertThat(ids(query("해지").withCategory(" 요금 / 해지 / 방어 "))).containsExactly("KB-5");
        assertThat(ids(query("해지").withCategory("요금/해"))).isEmpty();
        assertThat(ids(query("해지").withAudience(Audience.PUBLIC))).containsExactly("KB-1");
        assertThat(ids(query("해지").withKind(ArticleKind.SNIPPET))).containsExactly("KB-7");
    }

    @Test
    void archivedAndIneffectiveArticlesLeaveSearchUnlessAskedFor() {
        IndexedArticle archived = new IndexedArticle(
                UUID.randomUUID(),
                "KB-8",
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "옛 해지 절차",
                "해지",
                null,
                List.of(),
                Audience.PUBLIC,
                null,
                null,
                true,
                Instant.EPOCH);
        IndexedArticle expired = new IndexedArticle(
                UUID.randomUUID(),
                "KB-9",
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "해지 위약금 면제 행사",
                "해지",
                null,
                List.of(),
                Audience.PUBLIC,
                LocalDate.of(2026, 1, 1),
                TODAY.minusDays(1),
                false,
                Instant.EPOCH);
        IndexedArticle future = new IndexedArticle(
                UUID.randomUUID(),
                "KB-10",
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "해지 새 절차",
                "해지",
                null,
                List.of(),
                Audience.PUBLIC,
                TODAY.plusDays(1),
                null,
                false,
                Instant.EPOCH);
        IndexedArticle endsToday = new IndexedArticle(
                UUID.randomUUID(),
                "KB-11",
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "해지 오늘까지",
                "해지",
                null,
                List.of(),
                Audience.PUBLIC,
                TODAY,
                TODAY,
                false,
                Instant.EPOCH);
        index.putAll(List.of(archived, expired, future, endsToday));

        assertThat(ids("해지")).containsExactlyInAnyOrder("KB-1", "KB-11");
        assertThat(ids(query("해지").includingArchived(true))).containsExactlyInAnyOrder("KB-1", "KB-8", "KB-11");
        assertThat(ids(query("해지").includingIneffective(true)))
                .containsExactlyInAnyOrder("KB-1", "KB-9", "KB-10", "KB-11");
    }

    @Test
    void snippetsAreEscapedAndMarkOnlyTheMatches() {
        index.put(article(
                "KB-12", "스크립트가 든 글", "<script>alert('x')</script> 환불은 <b>3일</b> 안에 & 처리됩니다.", null, List.of()));
        KnowledgeHits.Hit hit = index.search(query("환불")).results().getFirst();
        assertThat(hit.snippet())
                .contains("<mark>환불</mark>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script")
                .doesNotContain("<b>")
                .contains("&amp;");
        assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }

    @Test
    void aSnippetIsPlainTextNotMarkdown() {
        index.put(article("KB-13", "환급 표", "## 환급 절차\n\n| 단계 | 내용 |\n|---|---|\n| 1 | **환급** 신청 |", null, List.of()));
        String snippet = index.search(query("환급")).results().getFirst().snippet();
        assertThat(snippet).contains("<mark>환급</mark>").doesNotContain("##").doesNotContain("**");
    }

    @Test
    void facetsCountAllMatches() {
        KnowledgeHits hits = index.search(new KnowledgeQuery("요금", 1, CENTER, null, null, null, false, false, TODAY));
        // KB-2 by its title, KB-1 by its category 요금/해지, KB-3 by its text (로밍 요금).
        assertThat(hits.total()).isEqualTo(3);
        assertThat(hits.results()).hasSize(1);
        assertThat(hits.facets().categories())
                .containsExactlyInAnyOrder(
                        new KnowledgeHits.FacetCount("요금/요금제", 1),
                        new KnowledgeHits.FacetCount("요금/해지", 1),
                        new KnowledgeHits.FacetCount("서비스/로밍", 1));
        assertThat(hits.facets().tags()).contains(new KnowledgeHits.FacetCount("요금제", 1));
    }

    @Test
    void aPutIsSearchableAtOnceAndReplacesTheOldVersion() {
        UUID id = UUID.randomUUID();
        index.put(new IndexedArticle(
                id,
                null,
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "멤버십 포인트",
                "포인트 적립",
                null,
                List.of(),
                Audience.PUBLIC,
                null,
                null,
                false,
                Instant.EPOCH));
        assertThat(ids("멤버십")).containsExactly(id.toString());
        index.put(new IndexedArticle(
                id,
                null,
                CENTER,
                false,
                ArticleKind.ARTICLE,
                "멤버십 등급",
                "등급 안내",
                null,
                List.of(),
                Audience.PUBLIC,
                null,
                null,
                false,
                Instant.EPOCH));
        assertThat(index.search(query("멤버십")).results())
                .singleElement()
                .extracting(KnowledgeHits.Hit::title)
                .isEqualTo("멤버십 등급");
        index.remove(id);
        assertThat(ids("멤버십")).isEmpty();
    }

    @Test
    void moreLikeThisSuggestsFromACustomersMessages() {
        KnowledgeHits hits = index.moreLikeThis(query("안녕하세요. 지난달에 가입했는데 이사를 가게 돼서요. 위약금 없이 인터넷을 해지할 수 있나요?"));
        assertThat(hits.results()).extracting(KnowledgeHits.Hit::id).first().isEqualTo("KB-1");
        assertThat(index.moreLikeThis(query("네 ...")).results()).isEmpty();
    }

    @Test
    void theFingerprintSaysWhetherTheIndexOnDiskIsCurrent(@TempDir Path folder) throws Exception {
        KoreanAnalysis analysis = new KoreanAnalysis(AnalyzerChoice.NORI_WITH_BIGRAM, DICTIONARY);
        try (FSDirectory directory = FSDirectory.open(folder)) {
            try (KnowledgeIndex fresh = KnowledgeIndex.open(directory, analysis)) {
                assertThat(fresh.isCurrent("db-1")).as("missing").isFalse();
                assertThat(fresh.fingerprint()).isEmpty();
                fresh.rebuild(List.of(CANCEL, PLAN_CHANGE), "db-1");
                fresh.put(ROAMING);
                fresh.recordFingerprint("db-2");
            }
            try (KnowledgeIndex reopened = KnowledgeIndex.open(directory, analysis)) {
                assertThat(reopened.isCurrent("db-2")).isTrue();
                assertThat(reopened.isCurrent("db-3")).as("stale").isFalse();
                assertThat(reopened.size()).isEqualTo(3);
                assertThat(reopened.fingerprint()).contains("db-2");
            }
            // Other user words analyze documents differently: the same database state is stale for them.
            KoreanAnalysis withUserWords = new KoreanAnalysis(
                    AnalyzerChoice.NORI_WITH_BIGRAM, new SearchDictionary(List.of("기가인터넷"), DICTIONARY.synonyms()));
            try (KnowledgeIndex reopened = KnowledgeIndex.open(directory, withUserWords)) {
                assertThat(reopened.isCurrent("db-2")).isFalse();
            }
        }
    }

    @Test
    void aNewDictionaryRebuildsOnlyWhenUserWordsChange() {
        assertThat(index.apply(
                        new SearchDictionary(List.of(), List.of(List.of("분실", "도난"))),
                        () -> java.util.stream.Stream.of(CANCEL, PLAN_CHANGE, ROAMING, DEVICE),
                        "v2"))
                .isFalse();
        assertThat(ids("도난")).containsExactly("KB-4");
        assertThat(ids("플랜")).as("the old synonyms are gone").isEmpty();
        assertThat(index.apply(
                        new SearchDictionary(List.of("데이터로밍"), List.of()),
                        () -> java.util.stream.Stream.of(CANCEL, ROAMING),
                        "v3"))
                .isTrue();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.isCurrent("v3")).isTrue();
    }

    static KnowledgeQuery query(String text) {
        return KnowledgeQuery.of(text, 10, CENTER, TODAY);
    }

    List<String> ids(String text) {
        return ids(query(text));
    }

    List<String> ids(KnowledgeQuery query) {
        return index.search(query).results().stream().map(KnowledgeHits.Hit::id).toList();
    }

    static IndexedArticle article(String id, String title, String text, @Nullable String category, List<String> tags) {
        return new IndexedArticle(
                UUID.randomUUID(),
                id,
                CENTER,
                false,
                ArticleKind.ARTICLE,
                title,
                text,
                category,
                tags,
                Audience.PUBLIC,
                null,
                null,
                false,
                Instant.EPOCH);
    }
}
