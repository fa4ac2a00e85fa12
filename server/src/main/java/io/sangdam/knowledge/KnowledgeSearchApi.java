package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/knowledge/search}: the knowledge base searched in Korean by signed-in staff; the
 * same as a POST for long questions, and {@code POST /api/knowledge/suggestions} for agent assist.
 */
@RestController
@RequestMapping("/api/knowledge")
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'ADMINISTRATOR')")
@Tag(name = "knowledge search", description = "지식 검색: articles of the caller's center and the shared ones")
class KnowledgeSearchApi {

    private final KnowledgeSearch search;
    private final CurrentUsers currentUsers;

    KnowledgeSearchApi(KnowledgeSearch search, CurrentUsers currentUsers) {
        this.search = search;
        this.currentUsers = currentUsers;
    }

    /**
     * @param id the article's imported id when it has one, else its UUID
     * @param snippet HTML-safe: the text escaped, matched words in {@code <mark>}
     */
    record Result(
            String id,
            String title,
            String snippet,
            float score,
            @Nullable String category,
            List<String> tags,
            String audience,
            boolean archived) {}

    record Answer(
            List<Result> results,
            long total,
            KnowledgeHits.Facets facets,
            @Nullable String didYouMean) {}

    @GetMapping("/search")
    @Operation(
            summary = "Searches the articles of the caller's center and the shared headquarters ones, best first; "
                    + "the question is taken as words (no query syntax), up to 1,000 characters; archived articles "
                    + "and those outside their effective dates are left out unless archived=true")
    Answer search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "10") @Parameter(description = "1 to 50") int size,
            @RequestParam(required = false)
                    @Parameter(description = "a category path; its sub-categories too")
                    @Nullable
                    String category,
            @RequestParam(required = false) @Parameter(description = "agents or public") @Nullable String audience,
            @RequestParam(defaultValue = "false") boolean archived) {
        return answer(search.search(currentUsers.require(), q, size, category, audience(audience), archived));
    }

    /** The same search with the question in a body, for questions too long for a URL. */
    record Question(
            @Nullable String q,
            @Nullable Integer size,
            @Nullable String category,
            @Nullable String audience,
            @Nullable Boolean archived) {}

    @PostMapping("/search")
    @Operation(
            summary = "The same search with the question in a JSON body ({\"q\": …, \"size\": 10, \"category\": …, "
                    + "\"audience\": …, \"archived\": false}), for long questions; stores nothing")
    Answer searchLong(@RequestBody Question question) {
        return answer(search.search(
                currentUsers.require(),
                question.q(),
                question.size() == null ? 10 : question.size(),
                question.category(),
                audience(question.audience()),
                Boolean.TRUE.equals(question.archived())));
    }

    /** @param messages the customer's last messages, oldest first */
    record Conversation(
            @Nullable List<String> messages, @Nullable Integer size) {}

    @PostMapping("/suggestions")
    @Operation(
            summary = "Agent assist: articles like the customer's last messages (more-like-this), best first; "
                    + "stores nothing")
    Answer suggest(@RequestBody Conversation conversation) {
        return answer(search.suggest(
                currentUsers.require(),
                conversation.messages() == null ? List.of() : conversation.messages(),
                conversation.size() == null ? 5 : conversation.size()));
    }

    private static Answer answer(KnowledgeHits hits) {
        return new Answer(
                hits.results().stream()
                        .map(hit -> new Result(
                                hit.id(),
                                hit.title(),
                                hit.snippet(),
                                hit.score(),
                                hit.category(),
                                hit.tags(),
                                hit.audience().code(),
                                hit.archived()))
                        .toList(),
                hits.total(),
                hits.facets(),
                hits.didYouMean());
    }

    private static @Nullable Audience audience(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (Audience audience : Audience.values()) {
            if (audience.code().equalsIgnoreCase(code.strip())) {
                return audience;
            }
        }
        throw io.sangdam.platform.RequestRejected.badRequest("knowledge-unknown-audience", code);
    }
}
