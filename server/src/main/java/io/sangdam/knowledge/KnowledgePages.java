package io.sangdam.knowledge;

import io.sangdam.identity.Center;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base's pages: the list with filters, an article with its history, the Markdown
 * editor with a preview, the diff of two versions and the review queue. Everyone signed in reads;
 * the buttons that change something appear only to knowledge owners who may change the article,
 * and {@link Articles} decides again on every post.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePages {

    static final int PAGE_SIZE = 30;

    private final Articles articles;
    private final Categories categories;
    private final KnowledgeCenters centers;
    private final CurrentUsers currentUsers;

    KnowledgePages(Articles articles, Categories categories, KnowledgeCenters centers, CurrentUsers currentUsers) {
        this.articles = articles;
        this.categories = categories;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    /** The editor's fields as typed: tags comma-separated, dates as yyyy-mm-dd or empty. */
    record Form(
            @Nullable String title,
            @Nullable String body,
            @Nullable Long category,
            @Nullable String tags,
            @Nullable String audience,
            @Nullable String effectiveFrom,
            @Nullable String effectiveTo) {

        static Form of(ArticleVersion version) {
            return new Form(
                    version.title(),
                    version.body(),
                    version.categoryId(),
                    String.join(", ", version.tags()),
                    version.audience().code(),
                    version.effectiveFrom() == null
                            ? ""
                            : version.effectiveFrom().toString(),
                    version.effectiveTo() == null ? "" : version.effectiveTo().toString());
        }

        ArticleText text() {
            return new ArticleText(
                    title,
                    body,
                    category,
                    tags == null ? List.of() : Arrays.asList(tags.split(",")),
                    audience,
                    date(effectiveFrom),
                    date(effectiveTo));
        }

        private static @Nullable LocalDate date(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException invalid) {
                throw RequestRejected.badRequest("article-date-invalid", "", text);
            }
        }
    }

    /** Times on these pages are the user's center's local time. */
    @org.springframework.web.bind.annotation.ModelAttribute("zone")
    java.time.ZoneId zone() {
        return currentUsers
                .find()
                .map(user -> centers.working(user, null).timeZone())
                .orElse(java.time.ZoneId.of("Asia/Seoul"));
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable ArticleStatus status,
            @RequestParam(required = false) @Nullable Audience audience,
            @RequestParam(required = false) @Nullable Long category,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        CurrentUser user = currentUsers.require();
        int safePage = Math.min(Math.max(page, 0), 10_000);
        var filter = new ArticleFilter(center, status, audience, category, text);
        var result = articles.list(user, filter, safePage * PAGE_SIZE, PAGE_SIZE);
        Center working = centers.working(user, center);
        model.addAttribute("articles", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", safePage);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("categories", categories.tree(user, working.id()));
        model.addAttribute("mayWrite", centers.mayWrite(user, working.id()));
        return htmx != null ? "knowledge/list :: table" : "knowledge/list";
    }

    @GetMapping("/review")
    String review(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        var filter = new ArticleFilter(center, ArticleStatus.IN_REVIEW, null, null, null);
        model.addAttribute("articles", articles.list(user, filter, 0, 200).rows());
        model.addAttribute("me", user.username());
        return "knowledge/review";
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        ArticleRules.requireOwner(user);
        Center working = centers.working(user, center);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", null, "", Audience.AGENTS.code(), "", ""));
        }
        return editor(user, working.id(), null, model);
    }

    @PostMapping("/articles")
    String create(
            @RequestParam(required = false) @Nullable Long center,
            Form form,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.create(user, center, ArticleKind.ARTICLE, form.text()),
                "knowledge.saved",
                redirect,
                refused -> {
                    model.addAttribute("form", form);
                    return create(center, model);
                },
                model);
    }

    @GetMapping("/articles/{id}")
    String view(@PathVariable UUID id, Model model) {
        CurrentUser user = currentUsers.require();
        Article article = articles.get(user, id);
        boolean mayEdit = articles.mayEdit(user, article);
        boolean working = article.status() == ArticleStatus.DRAFT || article.status() == ArticleStatus.IN_REVIEW;
        // Owners see the version they work on; readers the one in force.
        ArticleVersion shown =
                article.published() == null || (mayEdit && working) ? article.latest() : article.published();
        model.addAttribute("article", article);
        model.addAttribute("shown", shown);
        model.addAttribute("versions", articles.versions(user, id));
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("me", user.username());
        return "knowledge/article";
    }

    @GetMapping("/articles/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        CurrentUser user = currentUsers.require();
        Article article = articles.get(user, id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.of(article.latest()));
        }
        return editor(user, article.centerId(), article, model);
    }

    @PostMapping("/articles/{id}")
    String save(@PathVariable UUID id, Form form, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.edit(user, id, form.text()),
                "knowledge.saved",
                redirect,
                refused -> {
                    model.addAttribute("form", form);
                    return edit(id, model);
                },
                model);
    }

    @PostMapping("/articles/{id}/submit")
    String submit(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.submit(user, id), "knowledge.submitted", redirect, refused -> view(id, model), model);
    }

    @PostMapping("/articles/{id}/publish")
    String publish(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.publish(user, id), "knowledge.published", redirect, refused -> view(id, model), model);
    }

    @PostMapping("/articles/{id}/send-back")
    String sendBack(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.sendBack(user, id, comment),
                "knowledge.sent-back",
                redirect,
                refused -> view(id, model),
                model);
    }

    @PostMapping("/articles/{id}/archive")
    String archive(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.archive(user, id), "knowledge.archived", redirect, refused -> view(id, model), model);
    }

    @PostMapping("/articles/{id}/restore")
    String restore(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return attempt(
                () -> articles.restore(user, id), "knowledge.restored", redirect, refused -> view(id, model), model);
    }

    @GetMapping("/articles/{id}/diff")
    String diff(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        CurrentUser user = currentUsers.require();
        Article article = articles.get(user, id);
        int newest = to == null ? article.latest().number() : to;
        int oldest = from == null ? Math.max(1, newest - 1) : from;
        model.addAttribute("article", article);
        model.addAttribute("diff", articles.diff(user, id, oldest, newest));
        model.addAttribute("versions", articles.versions(user, id));
        return "knowledge/diff";
    }

    /** The editor's preview: the Markdown as the article page will show it. Stores nothing. */
    @PostMapping("/preview")
    String preview(@RequestParam(required = false) @Nullable String body, Model model) {
        model.addAttribute("body", body == null ? "" : body);
        return "knowledge/editor :: preview";
    }

    private String editor(CurrentUser user, long centerId, @Nullable Article article, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("centerId", centerId);
        Object form = model.getAttribute("form");
        model.addAttribute("body", form instanceof Form typed && typed.body() != null ? typed.body() : "");
        model.addAttribute("categories", categories.tree(user, centerId));
        model.addAttribute("audiences", Audience.values());
        return "knowledge/editor";
    }

    private interface Fallback {
        String page(RequestRejected refused);
    }

    /** Runs a step; on success back to the article with a notice, on a refusal the page again with the reason. */
    private static String attempt(
            Supplier<Article> step, String noticeKey, RedirectAttributes redirect, Fallback fallback, Model model) {
        try {
            Article article = step.get();
            redirect.addFlashAttribute("noticeKey", noticeKey);
            return "redirect:/knowledge/articles/" + article.id();
        } catch (RequestRejected refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            model.addAttribute("errorKey", "problem." + refused.code());
            model.addAttribute("errorArguments", refused.arguments());
            return fallback.page(refused);
        }
    }
}
