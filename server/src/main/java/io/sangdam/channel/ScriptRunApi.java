package io.sangdam.channel;

import io.sangdam.channel.Conversations.Conversation;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.knowledge.ScriptRuns;
import io.sangdam.knowledge.ScriptVariables;
import io.sangdam.knowledge.Scripts;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultation scripts beside a chat (상담 스크립트, docs/adr/0024): the desk lists what the agent may
 * follow, and the agent of the chat, and no one else, starts a run, takes its choices, goes back a
 * step and fills in its variables. Knowledge keeps the runs; this class knows whose chat it is.
 * The runs of a conversation are read with its record by the floor ({@code /api/conversations/…}).
 */
@RestController
@Tag(name = "scripts", description = "상담 스크립트: the path an agent took through a script in a conversation")
class ScriptRunApi {

    private final Chats chats;
    private final Scripts scripts;
    private final ScriptRuns runs;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    ScriptRunApi(Chats chats, Scripts scripts, ScriptRuns runs, CenterDirectory centers, CurrentUsers currentUsers) {
        this.chats = chats;
        this.scripts = scripts;
        this.runs = runs;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    /**
     * @param variables what the server fills in for the agent, by every name a script may use
     * @param customerVariables the names of the customer's name, which the desk fills in as it shows it
     * @param typedVariables the names of what the agent types during a run (상품)
     */
    record Followable(
            List<Scripts.ScriptSummary> scripts,
            Map<String, String> variables,
            List<String> customerVariables,
            List<String> typedVariables) {}

    @GetMapping("/desk/api/scripts")
    @PreAuthorize("hasRole('AGENT')")
    Followable followable() {
        CurrentUser me = currentUsers.require();
        Map<String, String> variables = new LinkedHashMap<>();
        ScriptVariables.AGENT.names().forEach(name -> variables.put(name, me.displayName()));
        String center = centers.get(me.centerId()).name();
        ScriptVariables.CENTER.names().forEach(name -> variables.put(name, center));
        return new Followable(
                scripts.toFollow(me, me.centerId()),
                variables,
                ScriptVariables.CUSTOMER.names(),
                ScriptVariables.PRODUCT.names());
    }

    @GetMapping("/desk/api/conversations/{conversation}/script-run")
    @PreAuthorize("hasRole('AGENT')")
    ResponseEntity<ScriptRuns.Run> current(@PathVariable String conversation) {
        CurrentUser me = currentUsers.require();
        agentOf(me, conversation);
        return runs.latest(me.username(), conversation)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    record Start(@NotNull Long script) {}

    @PostMapping("/desk/api/conversations/{conversation}/script-run")
    @PreAuthorize("hasRole('AGENT')")
    ScriptRuns.Run start(@PathVariable String conversation, @Valid @RequestBody Start start) {
        CurrentUser me = currentUsers.require();
        Conversation chat = agentOf(me, conversation);
        return runs.start(me, conversation, chat.centerId(), start.script());
    }

    record Choice(@NotNull Integer choice) {}

    @PostMapping("/desk/api/conversations/{conversation}/script-run/choices")
    @PreAuthorize("hasRole('AGENT')")
    ScriptRuns.Run choose(@PathVariable String conversation, @Valid @RequestBody Choice choice) {
        CurrentUser me = currentUsers.require();
        agentOf(me, conversation);
        return runs.choose(me, conversation, choice.choice());
    }

    @PostMapping("/desk/api/conversations/{conversation}/script-run/back")
    @PreAuthorize("hasRole('AGENT')")
    ScriptRuns.Run back(@PathVariable String conversation) {
        CurrentUser me = currentUsers.require();
        agentOf(me, conversation);
        return runs.back(me, conversation);
    }

    record Values(@NotNull Map<String, String> values) {}

    @PostMapping("/desk/api/conversations/{conversation}/script-run/variables")
    @PreAuthorize("hasRole('AGENT')")
    ScriptRuns.Run fill(@PathVariable String conversation, @Valid @RequestBody Values values) {
        CurrentUser me = currentUsers.require();
        agentOf(me, conversation);
        return runs.fill(me, conversation, values.values());
    }

    @PostMapping("/desk/api/conversations/{conversation}/script-run/abandon")
    @PreAuthorize("hasRole('AGENT')")
    ScriptRuns.Run abandon(@PathVariable String conversation) {
        CurrentUser me = currentUsers.require();
        agentOf(me, conversation);
        return runs.abandon(me, conversation);
    }

    @GetMapping("/api/conversations/{conversation}/script-runs")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'CENTER_MANAGER', 'QA_EVALUATOR', 'ADMINISTRATOR')")
    @Operation(
            summary = "The scripts followed in a conversation, each with its version and the path taken (steps, "
                    + "choices, times), as kept with the consultation record")
    List<ScriptRuns.Run> ofConversation(@PathVariable String conversation) {
        CurrentUser me = currentUsers.require();
        Conversation chat = chats.current(conversation);
        if (!me.canSee(chat.centerId())) {
            throw RequestRejected.notFound("unknown-conversation");
        }
        List<ScriptRuns.Run> all = runs.inConversation(conversation);
        // An agent reads their own runs only; the floor reads everyone's.
        return me.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.QA_EVALUATOR, Role.ADMINISTRATOR)
                ? all
                : all.stream()
                        .filter(run -> run.agent().equalsIgnoreCase(me.username()))
                        .toList();
    }

    /** The chat, if this agent holds it (or held it when it ended); anyone else is refused. */
    private Conversation agentOf(CurrentUser me, String conversation) {
        Conversation chat = chats.current(conversation);
        @Nullable String agent = chat.agent();
        if (agent == null || !agent.equalsIgnoreCase(me.username())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "not-your-conversation");
        }
        return chat;
    }
}
