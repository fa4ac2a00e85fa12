package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUsers;
import io.sangdam.knowledge.SearchDictionaries.AnalysisPreview;
import io.sangdam.knowledge.SearchDictionaries.DictionaryChange;
import io.sangdam.knowledge.SearchDictionaries.SynonymGroup;
import io.sangdam.knowledge.SearchDictionaries.UserWord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** The search dictionary (user words and synonyms), deployment-wide, for administrators. */
@RestController
@RequestMapping("/api/knowledge/dictionary")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "knowledge", description = "Knowledge base and its Korean search (지식관리)")
class SearchDictionaryApi {

    private final SearchDictionaries dictionaries;
    private final CurrentUsers currentUsers;

    SearchDictionaryApi(SearchDictionaries dictionaries, CurrentUsers currentUsers) {
        this.dictionaries = dictionaries;
        this.currentUsers = currentUsers;
    }

    record SearchDictionaryView(long revision, List<UserWord> userWords, List<SynonymGroup> synonymGroups) {}

    record NewUserWord(@Nullable String word, @Nullable String segmentation) {}

    record SynonymTerms(@Nullable List<@Nullable String> terms) {}

    record AnalysisRequest(
            @Nullable String text,
            @Nullable String word,
            @Nullable String segmentation) {}

    @GetMapping
    @Operation(summary = "The user words and synonym groups the search analyzer is built from, with the revision")
    SearchDictionaryView dictionary() {
        long revision = dictionaries.revision();
        return new SearchDictionaryView(revision, dictionaries.userWords(), dictionaries.synonymGroups());
    }

    @PostMapping("/words")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Adds a user word (Hangul, Latin letters, digits; at most 30), kept whole or split into the "
                    + "given parts separated by spaces, which must concatenate to the word; the index is rebuilt")
    UserWord addWord(@RequestBody NewUserWord word) {
        return dictionaries.addUserWord(
                word.word(), word.segmentation(), currentUsers.require().username());
    }

    @DeleteMapping("/words/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a user word; the index is rebuilt")
    void removeWord(@PathVariable long id) {
        dictionaries.removeUserWord(id, currentUsers.require().username());
    }

    @PostMapping("/synonyms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Adds a group of two or more terms searched as one; a term may be in one group only (409 "
                    + "synonym-term-conflict names the other); the index is rebuilt")
    SynonymGroup addSynonyms(@RequestBody SynonymTerms terms) {
        return dictionaries.addSynonymGroup(
                terms.terms(), currentUsers.require().username());
    }

    @PutMapping("/synonyms/{id}")
    @Operation(summary = "Replaces a synonym group's terms; the index is rebuilt")
    SynonymGroup changeSynonyms(@PathVariable long id, @RequestBody SynonymTerms terms) {
        return dictionaries.changeSynonymGroup(
                id, terms.terms(), currentUsers.require().username());
    }

    @DeleteMapping("/synonyms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a synonym group; the index is rebuilt")
    void removeSynonyms(@PathVariable long id) {
        dictionaries.removeSynonymGroup(id, currentUsers.require().username());
    }

    @GetMapping("/history")
    @Operation(summary = "Who changed the dictionary when, latest first (append-only)")
    List<DictionaryChange> history(@RequestParam(defaultValue = "100") int limit) {
        return dictionaries.history(limit);
    }

    @PostMapping("/analysis")
    @Operation(
            summary = "How Nori splits a sentence (at most 500 characters) with the current dictionary, and with a "
                    + "user word not yet saved when one is given: morphemes with parts of speech, and the terms "
                    + "searched with synonyms. Stores nothing")
    AnalysisPreview analyze(@RequestBody AnalysisRequest request) {
        return dictionaries.preview(request.text(), request.word(), request.segmentation());
    }
}
