package io.sangdam.protection;

import io.sangdam.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The abuse lexicon and allow-list, for the protection team's scripts. */
@RestController
@RequestMapping("/api/protection/lexicon")
@PreAuthorize("hasRole('PROTECTION_TEAM')")
@Tag(name = "protection", description = "Abusive-language detection (감정노동 보호)")
class LexiconApi {

    static final int PAGE_SIZE = 200;

    private final AbuseScreening screening;
    private final LexiconEntries entries;
    private final CurrentUsers currentUsers;

    LexiconApi(AbuseScreening screening, LexiconEntries entries, CurrentUsers currentUsers) {
        this.screening = screening;
        this.entries = entries;
        this.currentUsers = currentUsers;
    }

    record NewLexiconEntry(
            @Nullable String category,
            @Nullable String severity,
            @Nullable String pattern) {}

    @GetMapping
    @Operation(
            summary = "Lexicon entries and allowed phrases (category ALLOW), active first; text searches the pattern")
    LexiconEntries.Page list(
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page) {
        int safePage = Math.min(Math.max(page, 0), 10_000);
        return entries.search(
                new LexiconEntries.Filter(text, category, includeInactive), safePage * PAGE_SIZE, PAGE_SIZE);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Adds a term (category PROFANITY, INSULT, SEXUAL_HARASSMENT or THREAT with a severity) or an "
                    + "allowed phrase (category ALLOW); in force for the next message")
    LexiconEntries.Entry add(@RequestBody NewLexiconEntry entry) {
        return screening.add(
                entry.category(),
                entry.severity(),
                entry.pattern(),
                currentUsers.require().username());
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Stops matching an entry; it stays in the list as inactive")
    LexiconEntries.Entry deactivate(@PathVariable long id) {
        return screening.deactivate(id, currentUsers.require().username());
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Matches a deactivated entry again")
    LexiconEntries.Entry activate(@PathVariable long id) {
        return screening.reactivate(id);
    }
}
