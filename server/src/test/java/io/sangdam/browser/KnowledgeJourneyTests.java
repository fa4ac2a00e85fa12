package io.sangdam.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.sangdam.identity.Role;
import io.sangdam.testing.TestCenter;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An author writes an article, a different reviewer publishes it, an agent reads it; the diff of an edit. */
class KnowledgeJourneyTests extends BrowserJourney {

    @Autowired
    ApplicationContext application;

    @Test
    void anAuthorWritesAReviewerPublishesAndAnAgentReadsTheArticle() {
        TestCenter center = TestCenter.in(application, "kbjourney")
                .person("author", Role.SUPERVISOR)
                .person("reviewer", Role.CENTER_MANAGER)
                .person("agent", Role.AGENT)
                .create();
        String title = "번호이동 위약금 안내 " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext authorContext = browser.newContext(viewport());
                BrowserContext reviewerContext = browser.newContext(viewport());
                BrowserContext agentContext = browser.newContext(viewport())) {
            Page author = authorContext.newPage();
            signIn(author, center.username("author"), TestCenter.PASSWORD);
            author.getByRole(AriaRole.NAVIGATION)
                    .getByText("지식", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
                    .click();
            author.locator("[data-test=new-article]").click();
            author.waitForLoadState(LoadState.LOAD);
            author.getByLabel("제목", new Page.GetByLabelOptions().setExact(true)).fill(title);
            author.getByLabel("공개 범위").selectOption("public");
            author.getByLabel("태그").fill("번호이동, 위약금");
            author.getByLabel("본문 (마크다운)").fill("""
                ## 안내 순서

                1. 본인 확인
                2. 남은 약정 확인

                | 남은 약정 | 반환 비율 |
                |---|---|
                | 12개월 이상 | 100% |

                <script>alert(1)</script>
                """);
            assertThat(author.locator("[data-test=preview] table")).isVisible();
            assertThat(author.locator("[data-test=preview]")).containsText("<script>alert(1)</script>");
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(author.locator("[data-test=error]")).containsText("스크립트로 쓰일 수 있는 내용");

            author.getByLabel("본문 (마크다운)").fill("""
                ## 안내 순서

                1. 본인 확인
                2. 남은 약정 확인

                | 남은 약정 | 반환 비율 |
                |---|---|
                | 12개월 이상 | 100% |
                """);
            assertNoSeriousViolations(author);
            author.screenshot(screenshot("knowledge-editor-ko.png"));
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("저장"))
                    .click();
            assertThat(author.locator(".notice")).containsText("저장했습니다");
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("검토 요청"))
                    .click();
            assertThat(author.locator("[data-test=status]")).hasText("검토 중");
            assertThat(author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("승인하고 게시")))
                    .isDisabled();

            Page reviewer = reviewerContext.newPage();
            signIn(reviewer, center.username("reviewer"), TestCenter.PASSWORD);
            reviewer.navigate(url("/knowledge/review?center=" + center.id()));
            assertNoSeriousViolations(reviewer);
            reviewer.screenshot(screenshot("knowledge-review-ko.png"));
            reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("승인하고 게시"))
                    .click();
            assertThat(reviewer.locator(".notice")).containsText("게시했습니다");
            assertThat(reviewer.locator("[data-test=status]")).hasText("게시됨");
            assertThat(reviewer.locator("[data-test=versions]")).containsText(center.username("reviewer"));

            Page agent = agentContext.newPage();
            signIn(agent, center.username("agent"), TestCenter.PASSWORD);
            agent.navigate(url("/knowledge"));
            agent.waitForLoadState(LoadState.LOAD);
            agent.getByLabel("제목·본문·id 검색").fill(title);
            assertThat(agent.locator("[data-test=articles] tbody tr")).hasCount(1);
            assertNoSeriousViolations(agent);
            agent.screenshot(screenshot("knowledge-list-ko.png"));
            agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .click();
            assertThat(agent.locator("[data-test=article-title]")).hasText(title);
            assertThat(agent.locator("[data-test=article-body] table td").first())
                    .hasText("12개월 이상");
            assertThat(agent.locator("[data-test=status]")).hasText("게시됨");
            assertThat(agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("고치기")))
                    .hasCount(0);
            assertNoSeriousViolations(agent);
            agent.screenshot(screenshot("knowledge-article-ko.png"));
            agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English"))
                    .click();
            assertThat(agent.locator("[data-test=status]")).hasText("Published");
            assertThat(agent.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Versions")))
                    .isVisible();
            agent.screenshot(screenshot("knowledge-article-en.png"));

            // An edit is a new version; the diff marks the changed words.
            author.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("고치기"))
                    .click();
            author.getByLabel("본문 (마크다운)").fill("""
                ## 안내 순서

                1. 본인 확인
                2. 남은 약정과 단말 할부금 확인

                | 남은 약정 | 반환 비율 |
                |---|---|
                | 12개월 이상 | 100% |
                """);
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("저장"))
                    .click();
            author.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("바뀐 내용"))
                    .click();
            assertThat(author.locator("[data-test=diff] mark").first()).isVisible();
            assertThat(author.locator("[data-test=diff] tr.diff-changed")).containsText("단말 할부금");
            assertNoSeriousViolations(author);
            author.screenshot(screenshot("knowledge-diff-ko.png"));
        }
    }

    private static Browser.NewContextOptions viewport() {
        return new Browser.NewContextOptions().setViewportSize(1366, 768);
    }

    private static Page.ScreenshotOptions screenshot(String name) {
        return new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name))
                .setFullPage(true);
    }
}
