package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/**
 * Quick replies (상용구) for the desk ({@code /desk/api/quick-replies}, the signed-in session) and for
 * integrations ({@code /api/quick-replies}). Who may write which set is {@link QuickReplySets}'.
 */
@RestController
@RequestMapping({"/desk/api/quick-replies", "/api/quick-replies"})
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'ADMINISTRATOR')")
@Tag(name = "quick replies", description = "상용구: the sentences agents insert with / in a chat, with variables")
class QuickRepliesApi {

    private final QuickReplySets sets;
    private final CurrentUsers currentUsers;

    QuickRepliesApi(QuickReplySets sets, CurrentUsers currentUsers) {
        this.sets = sets;
        this.currentUsers = currentUsers;
    }

    /**
     * @param variables what the server fills in for the caller, by every name a reply may use
     * @param customerVariables the names of the customer's name, which the desk fills in from what
     *     the agent sees of the chat's customer (masked unless they unmasked it)
     * @param writable the sets the caller may add to
     */
    record Book(
            long centerId,
            String centerName,
            Map<String, String> variables,
            List<String> customerVariables,
            Set<QuickReplyScope> writable,
            List<QuickReplySets.Listed> replies) {}

    @GetMapping
    @Operation(
            summary = "The quick replies the caller uses in a center: their own, their team's and the center's; "
                    + "q searches title and body; language (ko or en, a chat's language) keeps only the replies in it")
    Book list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false) @Nullable String language) {
        CurrentUser user = currentUsers.require();
        Center chosen = sets.centerFor(user, center);
        Map<String, String> variables = new LinkedHashMap<>();
        QuickReplyVariables.AGENT.names().forEach(name -> variables.put(name, user.displayName()));
        QuickReplyVariables.CENTER.names().forEach(name -> variables.put(name, chosen.name()));
        return new Book(
                chosen.id(),
                chosen.name(),
                variables,
                QuickReplyVariables.CUSTOMER.names(),
                sets.writableScopes(user),
                sets.readable(user, chosen, q, language == null || language.isBlank() ? null : language.strip()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One quick reply; 404 for one the caller cannot read (another center's, another person's)")
    QuickReplySets.Listed get(@PathVariable long id) {
        return sets.get(currentUsers.require(), id);
    }

    /**
     * @param scope PERSONAL (the default), TEAM (the caller's team; supervisors) or CENTER (center managers,
     *     administrators)
     * @param language ko or en; the request's language when absent
     * @param center for headquarters roles, the center whose set it joins
     */
    record NewQuickReply(
            @Nullable QuickReplyScope scope,
            @Nullable String title,
            @Nullable String body,
            @Nullable String language,
            @Nullable Long center) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Adds a quick reply to a set the caller writes; the body (up to 2,000 characters) may name "
                    + "{고객명}/{customer}, {상담사}/{agent} and {센터}/{center}")
    QuickReplySets.Listed add(@RequestBody NewQuickReply reply, Locale locale) {
        return sets.add(
                currentUsers.require(),
                reply.center(),
                new QuickReplySets.Draft(reply.scope(), reply.title(), reply.body(), reply.language()),
                locale);
    }

    record ChangedQuickReply(
            @Nullable String title,
            @Nullable String body,
            @Nullable String language) {}

    @PutMapping("/{id}")
    @Operation(summary = "Changes the title, body or language of a quick reply in a set the caller writes")
    QuickReplySets.Listed change(@PathVariable long id, @RequestBody ChangedQuickReply reply, Locale locale) {
        return sets.change(
                currentUsers.require(),
                id,
                new QuickReplySets.Draft(null, reply.title(), reply.body(), reply.language()),
                locale);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a quick reply from a set the caller writes")
    void remove(@PathVariable long id) {
        sets.remove(currentUsers.require(), id);
    }
}
