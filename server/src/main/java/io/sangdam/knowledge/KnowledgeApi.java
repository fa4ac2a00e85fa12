package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base for scripts and integrations: articles with their versions, diff and review
 * workflow, categories, and bulk import and export as JSON Lines. Everyone signed in reads (their
 * center's articles and headquarters' shared ones); knowledge owners write and review.
 */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "knowledge", description = "Knowledge base articles (지식관리): versions, review, import and export")
class KnowledgeApi {

    static final int PAGE_SIZE = 50;
    static final String NDJSON = "application/x-ndjson";

    private final Articles articles;
    private final Categories categories;
    private final ArticleImports imports;
    private final CurrentUsers currentUsers;

    KnowledgeApi(Articles articles, Categories categories, ArticleImports imports, CurrentUsers currentUsers) {
        this.articles = articles;
        this.categories = categories;
        this.imports = imports;
        this.currentUsers = currentUsers;
    }

    /** An article's text as sent: Markdown in {@code text}, like an import line. */
    record ArticleBody(
            @Nullable String title,
            @Nullable String text,
            @Nullable Long category,
            @Nullable List<String> tags,
            @Nullable String audience,
            @Nullable LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {

        ArticleText article() {
            return new ArticleText(title, text, category, tags, audience, effectiveFrom, effectiveTo);
        }
    }

    record NewArticleBody(
            @Nullable Long center,
            @Nullable String title,
            @Nullable String text,
            @Nullable Long category,
            @Nullable List<String> tags,
            @Nullable String audience,
            @Nullable LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {}

    record SendBackBody(@Nullable String comment) {}

    record CategoryBody(
            @Nullable Long center,
            @Nullable String name,
            @Nullable Long parent,
            @Nullable Integer position) {}

    @GetMapping("/articles")
    @Operation(
            summary = "Articles of a center (the caller's own by default) with headquarters' shared ones, newest change"
                    + " first; archived ones only with status=ARCHIVED. text searches title, body and imported id")
    ArticlePage list(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable ArticleStatus status,
            @RequestParam(required = false) @Nullable String audience,
            @RequestParam(required = false) @Nullable Long category,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "0") int page) {
        int safePage = Math.min(Math.max(page, 0), 10_000);
        Audience wanted = audience == null || audience.isBlank() ? null : ArticleRules.audience(audience);
        return articles.list(
                currentUsers.require(),
                new ArticleFilter(center, status, wanted, category, text),
                safePage * PAGE_SIZE,
                PAGE_SIZE);
    }

    @PostMapping("/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Writes a new article as a draft (version 1)")
    Article create(@RequestBody NewArticleBody body) {
        return articles.create(
                currentUsers.require(),
                body.center(),
                ArticleKind.ARTICLE,
                new ArticleText(
                        body.title(),
                        body.text(),
                        body.category(),
                        body.tags(),
                        body.audience(),
                        body.effectiveFrom(),
                        body.effectiveTo()));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article: its state, newest version and the version in force")
    Article get(@PathVariable UUID id) {
        return articles.get(currentUsers.require(), id);
    }

    @PutMapping("/articles/{id}")
    @Operation(
            summary = "Saves an edit as a new version (a draft; the published version stays in force until this one is"
                    + " published)")
    Article update(@PathVariable UUID id, @RequestBody ArticleBody body) {
        return articles.edit(currentUsers.require(), id, body.article());
    }

    @GetMapping("/articles/{id}/versions")
    @Operation(summary = "Every version of an article, newest first")
    List<ArticleVersion> versions(@PathVariable UUID id) {
        return articles.versions(currentUsers.require(), id);
    }

    @GetMapping("/articles/{id}/versions/{number}")
    @Operation(summary = "One version of an article")
    ArticleVersion version(@PathVariable UUID id, @PathVariable int number) {
        return articles.version(currentUsers.require(), id, number);
    }

    @GetMapping("/articles/{id}/diff")
    @Operation(
            summary = "What changed between two versions: title, category, tags, audience, dates and the body line by"
                    + " line")
    ArticleDiff diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return articles.diff(currentUsers.require(), id, from, to);
    }

    @PostMapping("/articles/{id}/submit")
    @Operation(summary = "Asks for review of the newest version (a draft)")
    Article submit(@PathVariable UUID id) {
        return articles.submit(currentUsers.require(), id);
    }

    @PostMapping("/articles/{id}/publish")
    @Operation(
            summary = "Approves the version in review and puts it in force; the reviewer must not be its author"
                    + " (article-own-review)")
    Article publish(@PathVariable UUID id) {
        return articles.publish(currentUsers.require(), id);
    }

    @PostMapping("/articles/{id}/send-back")
    @Operation(summary = "Sends the version in review back to its author as a draft, with a comment")
    Article sendBack(@PathVariable UUID id, @RequestBody SendBackBody body) {
        return articles.sendBack(currentUsers.require(), id, body.comment());
    }

    @PostMapping("/articles/{id}/archive")
    @Operation(summary = "Takes an article out of use; it stays readable for audit")
    Article archive(@PathVariable UUID id) {
        return articles.archive(currentUsers.require(), id);
    }

    @PostMapping("/articles/{id}/restore")
    @Operation(summary = "Brings an archived article back (published again when its newest version was in force)")
    Article restore(@PathVariable UUID id) {
        return articles.restore(currentUsers.require(), id);
    }

    @GetMapping("/categories")
    @Operation(summary = "A center's category tree in order, each with its path (요금/해지)")
    List<ArticleCategory> categories(@RequestParam(required = false) @Nullable Long center) {
        var user = currentUsers.require();
        return categories.tree(user, center == null ? user.centerId() : center);
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a category (under a parent, at a position among its siblings)")
    ArticleCategory addCategory(@RequestBody CategoryBody body) {
        var user = currentUsers.require();
        return categories.add(
                user,
                body.center() == null ? user.centerId() : body.center(),
                body.name(),
                body.parent(),
                body.position() == null ? 0 : body.position());
    }

    @PutMapping("/categories/{id}")
    @Operation(summary = "Renames or moves a category")
    ArticleCategory updateCategory(@PathVariable long id, @RequestBody CategoryBody body) {
        return categories.update(
                currentUsers.require(), id, body.name(), body.parent(), body.position() == null ? 0 : body.position());
    }

    @DeleteMapping("/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes an empty category (no sub-categories, no article filed under it)")
    void deleteCategory(@PathVariable long id) {
        categories.delete(currentUsers.require(), id);
    }

    @PostMapping(value = "/import", consumes = NDJSON)
    @Operation(
            summary =
                    "Imports JSON Lines, one article a line: id, title, text; optional category (path), tags, audience"
                        + " (agents|public), effectiveFrom, effectiveTo (YYYY-MM-DD). The same id again is a new"
                        + " version. Published at once unless publish=false. Answers imported, updated, unchanged and"
                        + " the rejected lines with their reasons")
    ImportReport importLines(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(defaultValue = "true") boolean publish,
            InputStream body,
            Locale locale) {
        return imports.importLines(
                currentUsers.require(), center, publish, new InputStreamReader(body, StandardCharsets.UTF_8), locale);
    }

    @GetMapping(value = "/export", produces = NDJSON)
    @Operation(summary = "The center's articles (not archived), newest version of each, in the import's format")
    void export(@RequestParam(required = false) @Nullable Long center, HttpServletResponse response)
            throws IOException {
        var user = currentUsers.require();
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try {
            imports.export(user, center, out);
        } catch (RequestRejected refused) {
            if (!response.isCommitted()) {
                response.reset();
            }
            throw refused;
        }
        out.flush();
    }
}
