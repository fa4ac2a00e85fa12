package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The passages of an article an agent may put into a reply: plain text, the best fitting first. */
class ArticlePassagesTests {

    private static final String ARTICLE = """
        휴대폰 요금제를 해지하면 남은 약정에 따라 **위약금**이 붙을 수 있습니다.

        ## 해지 방법
        - 가까운 [대리점](https://example.com/stores)을 방문해 신분증을 보여 주세요.
        - 고객센터 `114`로 전화해 해지를 신청할 수 있습니다.
          1. 본인 확인 후 해지 사유를 말씀해 주세요.

        ## 요금표
        | 요금제 | 월정액 |
        |---|---|
        | 5G 슬림 | 45,000원 |

        <script>alert(1)</script>
        """;

    @Test
    void everyParagraphListItemAndTableRowIsAPassageOfPlainText() {
        assertThat(ArticlePassages.of(ARTICLE))
                .containsExactly(
                        "휴대폰 요금제를 해지하면 남은 약정에 따라 위약금이 붙을 수 있습니다.",
                        "가까운 대리점을 방문해 신분증을 보여 주세요.",
                        "고객센터 114로 전화해 해지를 신청할 수 있습니다.",
                        "본인 확인 후 해지 사유를 말씀해 주세요.",
                        "요금제: 5G 슬림 · 월정액: 45,000원");
    }

    @Test
    void thePassageSharingMostWordsWithTheCustomerComesFirstWhateverTheEndings() {
        // 전화로 ↔ 전화해, 해지하고 ↔ 해지를: Nori compares the words, not their endings.
        assertThat(ArticlePassages.best(ARTICLE, "전화로 해지하고 싶은데 어떻게 하나요?", 2))
                .first()
                .isEqualTo("고객센터 114로 전화해 해지를 신청할 수 있습니다.");
        assertThat(ArticlePassages.best(ARTICLE, "5G 슬림 월정액 얼마예요", 1)).containsExactly("요금제: 5G 슬림 · 월정액: 45,000원");
        assertThat(ArticlePassages.best(ARTICLE, "대리점 방문", 3)).containsExactly("가까운 대리점을 방문해 신분증을 보여 주세요.");
    }

    @Test
    void verbStemsAndTheCopulaThatEverySentenceHasMatchNothing() {
        assertThat(ArticlePassages.terms("해지 위약금 얼마예요? 신청은 어떻게 하나요, 있나요"))
                .contains("해지", "위약", "얼마", "신청")
                .doesNotContain("이", "하", "있");
    }

    @Test
    void whenNoPassageSharesAWordTheLeadIsOffered() {
        assertThat(ArticlePassages.best(ARTICLE, "배송 조회", 3))
                .containsExactly("휴대폰 요금제를 해지하면 남은 약정에 따라 위약금이 붙을 수 있습니다.");
        assertThat(ArticlePassages.best("", "해지", 3)).isEmpty();
    }

    @Test
    void aVeryLongParagraphIsCutToFitAReply() {
        String passage = ArticlePassages.of("가".repeat(5000)).getFirst();
        assertThat(passage).hasSize(ArticlePassages.MAXIMUM_PASSAGE_LENGTH).endsWith("…");
    }
}
