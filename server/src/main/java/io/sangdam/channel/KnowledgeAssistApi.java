package io.sangdam.channel;

import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The desk's knowledge panel beside a chat (agent assist): suggestions, search, and what was used. */
@RestController
@RequestMapping("/desk/api/conversations/{conversation}/knowledge")
@PreAuthorize("hasRole('AGENT')")
@Hidden
class KnowledgeAssistApi {

    private final KnowledgeAssist assist;
    private final CurrentUsers currentUsers;

    KnowledgeAssistApi(KnowledgeAssist assist, CurrentUsers currentUsers) {
        this.assist = assist;
        this.currentUsers = currentUsers;
    }

    /** Articles like the customer's last messages; asked again by the desk as the customer writes. */
    @GetMapping("/suggestions")
    KnowledgeAssist.Cards suggestions(@PathVariable String conversation) {
        return assist.suggestions(currentUsers.require(), conversation);
    }

    @GetMapping("/search")
    KnowledgeAssist.Cards search(@PathVariable String conversation, @RequestParam(defaultValue = "") String q) {
        return assist.search(currentUsers.require(), conversation, q);
    }

    /**
     * {@code article}: the id the panel showed, {@code title} its title there; {@code action}: OPENED or
     * INSERTED; {@code source}: SUGGESTED (the default) or SEARCHED.
     */
    record Use(
            @NotBlank @Size(max = 100) String article,
            @NotBlank @Size(max = 300) String title,
            @NotNull String action,
            @Nullable String source) {}

    /** Records that the agent opened the article or inserted a passage of it; {@code recorded}: false when already. */
    @PostMapping("/uses")
    Map<String, Boolean> use(@PathVariable String conversation, @Valid @RequestBody Use use) {
        return Map.of(
                "recorded",
                assist.used(
                        currentUsers.require(),
                        conversation,
                        use.article(),
                        use.title(),
                        value(KnowledgeUses.Action.class, use.action()),
                        use.source() == null
                                ? KnowledgeUses.Source.SUGGESTED
                                : value(KnowledgeUses.Source.class, use.source())));
    }

    // Named here rather than bound by Jackson: an unknown word answers the problem of this endpoint.
    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            throw RequestRejected.badRequest("invalid-knowledge-use", name);
        }
    }
}
