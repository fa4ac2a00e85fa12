package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleMarkdownTests {

    /** Attempts at script through Markdown, raw HTML and entity tricks. */
    static List<String> xssCorpus() {
        return List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
                "< script >alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"x\" ONERROR=\"alert(1)\">",
                "<svg/onload=alert(1)>",
                "<a href=\"#\" onclick=\"steal()\">클릭</a>",
                "<body onload=alert(1)>",
                "[클릭](javascript:alert(1))",
                "[클릭](JavaScript:alert(1))",
                "[클릭](  javascript:alert(1))",
                "[클릭](java\tscript:alert(1))",
                "[클릭](jav&#x61;script:alert(1))",
                "[클릭](jav&#97;script:alert(1))",
                "[클릭](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
                "[클릭](javascript&colon;alert(1))",
                "[클릭](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1))",
                "[클릭](vbscript:msgbox(1))",
                "<a href=\"javascript:alert(1)\">x</a>",
                "[x]: javascript:alert(1)\n\n[참조][x]",
                "<javascript:alert(1)>",
                "![그림](javascript:alert(1))",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<div style=\"x\" onmouseover=\"alert(1)\">x</div>");
    }

    @ParameterizedTest
    @MethodSource("xssCorpus")
    void everyScriptAttemptIsRefusedOnSave(String body) {
        assertThat(ArticleMarkdown.unsafeMarkup(body)).as(body).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("xssCorpus")
    void andRenderingAloneIsSafeAsWell(String body) {
        String html = ArticleMarkdown.render(body).toLowerCase(java.util.Locale.ROOT);
        assertThat(html).as(html).doesNotContain("<script", "<img src=\"x\"", "<svg", "<iframe", "<body", "<div");
        assertThat(html).as(html).doesNotContainPattern("<[a-z]+[^>]*\\son[a-z]+=");
        assertThat(html)
                .as(html)
                .doesNotContain("href=\"javascript", "href=\"jav", "href=\"vbscript", "src=\"javascript");
    }

    @Test
    void dataAddressesAreDroppedFromLinksAndImages() {
        String html = ArticleMarkdown.render("[x](data:text/html;base64,PHNjcmlwdD4=) ![y](DATA:image/svg+xml,<svg>)");
        assertThat(html).doesNotContain("data:", "DATA:");
    }

    @Test
    void headingsListsTablesAndSafeLinksRender() {
        String html = ArticleMarkdown.render("""
            ## 해지 방법

            - 위약금 확인
            - 본인 확인

            | 요금제 | 월 요금 |
            |---|---|
            | 5G 슬림 | 55,000원 |

            [요금 안내](https://example.com/fees), [메일](mailto:help@example.com), [전화](tel:1588-0000), [내부](/knowledge/x)
            """);
        assertThat(html)
                .contains("<h2>해지 방법</h2>", "<li>위약금 확인</li>", "<table>", "<td>5G 슬림</td>")
                .contains("href=\"https://example.com/fees\"", "href=\"mailto:help@example.com\"")
                .contains("href=\"tel:1588-0000\"", "href=\"/knowledge/x\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void rawHtmlIsShownAsTextNotMarkup() {
        assertThat(ArticleMarkdown.render("<b>굵게</b>")).contains("&lt;b&gt;굵게&lt;/b&gt;");
    }

    @Test
    void ordinaryKoreanTextWithOnAndColonsIsNotRefused() {
        assertThat(ArticleMarkdown.unsafeMarkup(
                        "상담 시간: 09:00~18:00. online=가능, 쿠폰 코드: SAVE10. [안내](https://x.example/a?b=c:d)"))
                .isNull();
        assertThat(ArticleMarkdown.unsafeMarkup("a < b 이고 option = 3")).isNull();
    }

    @Test
    void relativeAddressesWithAColonAfterASlashAreKept() {
        assertThat(ArticleMarkdown.allowedAddress("/knowledge?at=10:30")).isTrue();
        assertThat(ArticleMarkdown.allowedAddress("#top")).isTrue();
        assertThat(ArticleMarkdown.allowedAddress("foo:bar")).isFalse();
        assertThat(ArticleMarkdown.allowedAddress("HTTPS://example.com")).isTrue();
    }
}
