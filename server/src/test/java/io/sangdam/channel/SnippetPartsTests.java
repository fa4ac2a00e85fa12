package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.channel.SnippetParts.Part;
import org.junit.jupiter.api.Test;

/** A highlighted snippet becomes text parts: hits kept, every other tag dropped, entities decoded. */
class SnippetPartsTests {

    @Test
    void hitsBecomePartsAndTheRestIsText() {
        assertThat(SnippetParts.of("요금제를 <mark>해지</mark>하면 <b>위약금</b>이"))
                .containsExactly(
                        new Part("요금제를 ", false),
                        new Part("해지", true),
                        new Part("하면 ", false),
                        new Part("위약금", true),
                        new Part("이", false));
    }

    @Test
    void markupInTheArticleNeverSurvivesAsMarkup() {
        assertThat(SnippetParts.of("&lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror=alert(1)><mark>해지</mark>"))
                .containsExactly(new Part("<script>alert(1)</script> ", false), new Part("해지", true));
        assertThat(SnippetParts.of("a &amp;lt; b")).containsExactly(new Part("a &lt; b", false));
    }

    @Test
    void theSnippetsWordsAreMarkdownWithEachExcerptAParagraph() {
        String text = SnippetParts.text("- 신분증 <mark>원본</mark> &amp; 계좌 … 2. **고객센터**: 본인확인 후 <mark>해지</mark>");
        assertThat(text).isEqualTo("- 신분증 원본 & 계좌\n\n2. **고객센터**: 본인확인 후 해지");
        assertThat(ArticlePassages.of(text)).containsExactly("신분증 원본 & 계좌", "고객센터: 본인확인 후 해지");
    }

    @Test
    void theArticlesMarkdownMarksDoNotShowInTheSnippet() {
        assertThat(SnippetParts.of("## 준비할 것\n- 명의자 **신분증**\n2. <mark>해지</mark> 신청 | 매장"))
                .containsExactly(new Part("준비할 것 명의자 신분증 ", false), new Part("해지", true), new Part(" 신청 매장", false));
    }

    @Test
    void aLongSnippetIsCut() {
        var parts = SnippetParts.of("가".repeat(1000));
        assertThat(parts).hasSize(1);
        assertThat(parts.getFirst().text())
                .hasSize(SnippetParts.MAXIMUM_LENGTH + 1)
                .endsWith("…");
    }
}
