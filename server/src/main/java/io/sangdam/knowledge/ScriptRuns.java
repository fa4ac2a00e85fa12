package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUser;
import io.sangdam.knowledge.ScriptGraph.Step;
import io.sangdam.knowledge.StoredRuns.StoredRun;
import io.sangdam.knowledge.StoredRuns.StoredStep;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent following a script beside a chat: the version it started on (kept to the end, whatever
 * is published meanwhile), each step reached and the choice that led there, and what the agent
 * typed for the variables. Every step is stored as it is taken, so a reload of the desk resumes.
 *
 * <p>Knowledge does not know conversations: the caller (the desk, in channel) has checked that the
 * user is the agent of the chat and passes its id and center. Each agent has at most one run under
 * way per conversation; starting another leaves the first abandoned.
 */
@Service
public class ScriptRuns {

    /** Enough for any real conversation; a path longer than this is a loop clicked round and round. */
    static final int LONGEST_PATH = 200;

    static final int LONGEST_VALUE = 100;

    /**
     * A step on the path.
     *
     * @param via the label of the choice on the step before that led here (empty after a SAY or
     *     NOTE step; null on the first)
     * @param withdrawn when the agent went back from it, if they did
     */
    public record PathStep(
            int position,
            String step,
            String title,
            @Nullable String via,
            Instant reachedAt,
            @Nullable Instant withdrawn) {}

    /**
     * A run as the desk shows it: the version's steps, where the agent is, and the path so far.
     *
     * @param variables what the agent typed (상품 …), by the variable's Korean name
     */
    public record Run(
            long id,
            String conversation,
            String agent,
            long scriptId,
            int version,
            String title,
            ScriptRunStatus status,
            String current,
            Map<String, String> variables,
            List<PathStep> path,
            ScriptGraph graph,
            Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable Long consultationId) {}

    private final StoredRuns runs;
    private final Scripts scripts;
    private final Clock clock;

    ScriptRuns(StoredRuns runs, Scripts scripts, Clock clock) {
        this.runs = runs;
        this.scripts = scripts;
        this.clock = clock;
    }

    /** The agent's latest run in the conversation, under way or not. */
    @Transactional(readOnly = true)
    public Optional<Run> latest(String agent, String conversation) {
        return runs.latest(conversation, agent, false).map(this::run);
    }

    /** Every run in the conversation, oldest first, as the consultation record shows them. */
    @Transactional(readOnly = true)
    public List<Run> inConversation(String conversation) {
        return runs.inConversation(conversation).stream().map(this::run).toList();
    }

    /**
     * The paths kept with these consultation records, one line each for the customer's history:
     * {@code 요금제 변경 v1: 변경 여부 → (네) 변경 안내 → 끝}, steps gone back from left out; several
     * runs of one record are joined with "; ".
     */
    @Transactional(readOnly = true)
    public Map<Long, String> pathsOfRecords(Collection<Long> consultationIds) {
        Map<Long, String> paths = new LinkedHashMap<>();
        for (StoredRun stored : runs.ofRecords(consultationIds)) {
            Run run = run(stored);
            String steps = run.path().stream()
                    .filter(step -> step.withdrawn() == null)
                    .map(step -> step.via() == null || step.via().isEmpty()
                            ? step.title()
                            : "(" + step.via() + ") " + step.title())
                    .collect(Collectors.joining(" → "));
            String line = run.title() + " v" + run.version() + ": " + steps;
            paths.merge(Objects.requireNonNull(stored.consultationId()), line, (first, next) -> first + "; " + next);
        }
        return paths;
    }

    /** Starts the published version of a script; a run of this agent still under way here is abandoned. */
    @Transactional
    public Run start(CurrentUser agent, String conversation, long centerId, long scriptId) {
        Scripts.ScriptVersion version = scripts.followable(agent, centerId, scriptId);
        Instant now = clock.instant();
        runs.latest(conversation, agent.username(), true)
                .filter(run -> run.status() == ScriptRunStatus.ACTIVE)
                .ifPresent(run -> runs.status(run.id(), ScriptRunStatus.ABANDONED, now));
        long id = runs.start(
                conversation,
                centerId,
                agent.username(),
                scriptId,
                version.version(),
                version.graph().start(),
                now);
        finishIfAtAnEnd(id, version.graph(), version.graph().start(), now);
        return latest(agent.username(), conversation).orElseThrow();
    }

    /** Takes a choice of the current step (by its position) to the step it leads to. */
    @Transactional
    public Run choose(CurrentUser agent, String conversation, int choice) {
        StoredRun run = underWay(agent, conversation);
        ScriptGraph graph = scripts.graph(run.scriptId(), run.version());
        List<StoredStep> taken = taken(run.id());
        Step current = step(graph, taken.getLast().stepKey());
        if (choice < 0 || choice >= current.choices().size()) {
            throw RequestRejected.badRequest("script-choice-unknown", choice, current.title());
        }
        if (runs.path(run.id()).size() >= LONGEST_PATH) {
            throw RequestRejected.conflict("script-run-too-long", LONGEST_PATH);
        }
        String next = current.choices().get(choice).next();
        Instant now = clock.instant();
        runs.reach(run.id(), runs.path(run.id()).size(), next, current.key(), choice, now);
        finishIfAtAnEnd(run.id(), graph, next, now);
        return latest(agent.username(), conversation).orElseThrow();
    }

    /**
     * One step back: the last step is marked withdrawn (kept for the record) and the one before is
     * current again. From an end step it reopens a finished run.
     */
    @Transactional
    public Run back(CurrentUser agent, String conversation) {
        StoredRun run = runs.latest(conversation, agent.username(), true)
                .filter(found -> found.status() != ScriptRunStatus.ABANDONED && found.consultationId() == null)
                .orElseThrow(() -> RequestRejected.conflict("script-run-not-under-way"));
        List<StoredStep> taken = taken(run.id());
        if (taken.size() < 2) {
            throw RequestRejected.conflict("script-run-at-start");
        }
        Instant now = clock.instant();
        runs.withdraw(run.id(), taken.getLast().position(), now);
        if (run.status() == ScriptRunStatus.FINISHED) {
            runs.status(run.id(), ScriptRunStatus.ACTIVE, null);
        }
        return latest(agent.username(), conversation).orElseThrow();
    }

    /** Keeps what the agent typed for the variables they fill in (상품 …); an empty value forgets one. */
    @Transactional
    public Run fill(CurrentUser agent, String conversation, Map<String, String> values) {
        StoredRun run = underWay(agent, conversation);
        Map<String, String> variables = new LinkedHashMap<>(run.variables());
        values.forEach((name, value) -> {
            if (!ScriptVariables.PRODUCT.names().contains(name)) {
                throw RequestRejected.badRequest("script-variable-not-typed", name, "상품/product");
            }
            String stripped = value == null ? "" : value.strip();
            if (stripped.length() > LONGEST_VALUE) {
                throw RequestRejected.badRequest("script-variable-too-long", name, LONGEST_VALUE);
            }
            if (stripped.chars().anyMatch(Character::isISOControl)) {
                throw RequestRejected.badRequest("script-control-characters");
            }
            String korean = ScriptVariables.PRODUCT.names().getFirst();
            if (stripped.isEmpty()) {
                variables.remove(korean);
            } else {
                variables.put(korean, stripped);
            }
        });
        runs.variables(run.id(), variables);
        return latest(agent.username(), conversation).orElseThrow();
    }

    /** The agent stops following the script before its end. */
    @Transactional
    public Run abandon(CurrentUser agent, String conversation) {
        StoredRun run = underWay(agent, conversation);
        runs.status(run.id(), ScriptRunStatus.ABANDONED, clock.instant());
        return latest(agent.username(), conversation).orElseThrow();
    }

    private StoredRun underWay(CurrentUser agent, String conversation) {
        return runs.latest(conversation, agent.username(), true)
                .filter(run -> run.status() == ScriptRunStatus.ACTIVE)
                .orElseThrow(() -> RequestRejected.conflict("script-run-not-under-way"));
    }

    private void finishIfAtAnEnd(long runId, ScriptGraph graph, String stepKey, Instant now) {
        if (step(graph, stepKey).kind() == ScriptStepKind.END) {
            runs.status(runId, ScriptRunStatus.FINISHED, now);
        }
    }

    /** The path without the steps the agent went back from. */
    private List<StoredStep> taken(long runId) {
        return runs.path(runId).stream()
                .filter(step -> step.withdrawnAt() == null)
                .toList();
    }

    private static Step step(ScriptGraph graph, String key) {
        return graph.step(key).orElseThrow(() -> new IllegalStateException("a stored version lacks its step " + key));
    }

    private static @Nullable String via(ScriptGraph graph, StoredStep step) {
        if (step.fromStep() == null || step.viaChoice() == null) {
            return null;
        }
        return step(graph, step.fromStep()).choices().get(step.viaChoice()).label();
    }

    private Run run(StoredRun run) {
        ScriptGraph graph = scripts.graph(run.scriptId(), run.version());
        List<PathStep> path = runs.path(run.id()).stream()
                .map(step -> new PathStep(
                        step.position(),
                        step.stepKey(),
                        step(graph, step.stepKey()).title(),
                        via(graph, step),
                        step.reachedAt(),
                        step.withdrawnAt()))
                .toList();
        String current = taken(run.id()).getLast().stepKey();
        return new Run(
                run.id(),
                run.conversationId(),
                run.agent(),
                run.scriptId(),
                run.version(),
                graph.title(),
                run.status(),
                current,
                run.variables(),
                path,
                graph,
                run.startedAt(),
                run.endedAt(),
                run.consultationId());
    }
}
