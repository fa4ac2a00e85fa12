package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleRulesTests {

    @Test
    void theWorkflowGoesDraftReviewPublishedAndEachStepNeedsItsState() {
        assertThat(ArticleRules.submitted(ArticleStatus.DRAFT)).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(ArticleRules.published(ArticleStatus.IN_REVIEW, "author", "reviewer"))
                .isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(ArticleRules.edited(ArticleStatus.PUBLISHED)).isEqualTo(ArticleStatus.DRAFT);
        assertThat(ArticleRules.edited(ArticleStatus.IN_REVIEW)).isEqualTo(ArticleStatus.DRAFT);
        assertRefused(() -> ArticleRules.submitted(ArticleStatus.IN_REVIEW), "article-not-draft");
        assertRefused(() -> ArticleRules.published(ArticleStatus.DRAFT, "author", "reviewer"), "article-not-in-review");
        assertRefused(() -> ArticleRules.edited(ArticleStatus.ARCHIVED), "article-archived");
        assertRefused(() -> ArticleRules.archived(ArticleStatus.ARCHIVED), "article-archived");
        assertRefused(() -> ArticleRules.restored(ArticleStatus.PUBLISHED, 1, 1), "article-not-archived");
    }

    @Test
    void theAuthorNeverApprovesTheirOwnVersion() {
        assertThatThrownBy(() -> ArticleRules.published(ArticleStatus.IN_REVIEW, "kim", "kim"))
                .isInstanceOfSatisfying(RequestRejected.class, refused -> {
                    assertThat(refused.code()).isEqualTo("article-own-review");
                    assertThat(refused.status().value()).isEqualTo(403);
                });
    }

    @Test
    void aSendBackNeedsAComment() {
        assertRefused(() -> ArticleRules.sendBackComment(ArticleStatus.IN_REVIEW, "  "), "article-comment-missing");
        assertThat(ArticleRules.sendBackComment(ArticleStatus.IN_REVIEW, " 기간을 적어 주세요 "))
                .isEqualTo("기간을 적어 주세요");
    }

    @Test
    void aRestoredArticleIsPublishedOnlyWhenItsNewestVersionWasInForce() {
        assertThat(ArticleRules.restored(ArticleStatus.ARCHIVED, 2, 2)).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(ArticleRules.restored(ArticleStatus.ARCHIVED, 3, 2)).isEqualTo(ArticleStatus.DRAFT);
        assertThat(ArticleRules.restored(ArticleStatus.ARCHIVED, 1, null)).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void ownersWriteAndAgentsAndExecutivesRead() {
        assertThat(ArticleRules.owns(user(Role.SUPERVISOR))).isTrue();
        assertThat(ArticleRules.owns(user(Role.PROTECTION_TEAM))).isTrue();
        assertThat(ArticleRules.owns(user(Role.AGENT))).isFalse();
        assertThat(ArticleRules.owns(user(Role.EXECUTIVE))).isFalse();
    }

    @Test
    void contentIsTrimmedCheckedAndTagsMadeDistinct() {
        var content = ArticleRules.content(
                " 제목 ", "본문\r\n둘째 줄 ", null, List.of("해지", " 해지", "", "위약금"), Audience.PUBLIC, null, null);
        assertThat(content.title()).isEqualTo("제목");
        assertThat(content.body()).isEqualTo("본문\n둘째 줄");
        assertThat(content.tags()).containsExactly("해지", "위약금");
        assertRefused(
                () -> ArticleRules.content(
                        "t", "b", null, null, Audience.AGENTS, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)),
                "article-dates-reversed");
        assertRefused(
                () -> ArticleRules.content("t", "b".repeat(100_001), null, null, Audience.AGENTS, null, null),
                "article-text-too-long");
        assertRefused(
                () -> ArticleRules.content("<script>x</script>", "b", null, null, Audience.AGENTS, null, null),
                "article-unsafe-markup");
        assertThat(ArticleRules.audience(null)).isEqualTo(Audience.AGENTS);
        assertThat(ArticleRules.audience("PUBLIC")).isEqualTo(Audience.PUBLIC);
        assertRefused(() -> ArticleRules.audience("customers"), "article-audience-unknown");
    }

    @Test
    void anOverlongLineIsSkippedToItsEndAndTheNextLineReadAsUsual() {
        var lines = new BoundedLines(new StringReader("짧은 줄\r\n" + "x".repeat(50) + "\n끝"), 10);
        List<String> read = new ArrayList<>();
        List<Boolean> truncated = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            read.add(line);
            truncated.add(lines.truncated());
        }
        assertThat(read).containsExactly("짧은 줄", "", "끝");
        assertThat(truncated).containsExactly(false, true, false);
    }

    private static CurrentUser user(Role role) {
        return new CurrentUser(1, "someone", "someone", 1, false, Set.of(role), "ko");
    }

    private static void assertRefused(Runnable step, String code) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        RequestRejected.class,
                        refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
