package io.sangdam.knowledge;

import io.sangdam.knowledge.ScriptDraft.ChoiceDraft;
import io.sangdam.knowledge.ScriptDraft.StepDraft;
import io.sangdam.platform.RequestRejected;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One version of a consultation script: steps joined by choices, checked so that an agent who
 * follows it can always finish. There is one start; every choice leads to a step of the script;
 * every step can be reached from the start; and from every step some path reaches an end step.
 * Loops ("ask again") are allowed, as long as they can be left for an end: an agent is never
 * caught in a circle with no way out.
 *
 * <p>Checked where requests are read (API, editor, demo data alike), with one stable code per
 * mistake, so a script in the database is always one the desk can run.
 */
public record ScriptGraph(String title, String description, String start, List<Step> steps) {

    static final int LONGEST_TITLE = 100;
    static final int LONGEST_DESCRIPTION = 500;
    static final int MOST_STEPS = 100;
    static final int LONGEST_KEY = 30;
    static final int LONGEST_STEP_TITLE = 60;
    static final int LONGEST_STEP_TEXT = 1_000;
    static final int MOST_CHOICES = 10;
    static final int LONGEST_LABEL = 60;

    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_-]{1," + LONGEST_KEY + "}");

    public ScriptGraph {
        steps = List.copyOf(steps);
    }

    /** @param choices in the order the desk offers them; none on an END step, one on SAY and NOTE */
    public record Step(String key, ScriptStepKind kind, String title, String text, List<StepChoice> choices) {
        public Step {
            choices = List.copyOf(choices);
        }
    }

    /** @param label empty on a SAY or NOTE step, where the desk says "next" */
    public record StepChoice(String label, String next) {}

    public Optional<Step> step(String key) {
        return steps.stream().filter(step -> step.key().equals(key)).findFirst();
    }

    /** The draft as a graph, or the first mistake in it as a 400 with its code. */
    public static ScriptGraph checked(ScriptDraft draft) {
        String title = line(draft.title());
        if (title.isEmpty()) {
            throw RequestRejected.badRequest("script-title-required");
        }
        if (title.length() > LONGEST_TITLE) {
            throw RequestRejected.badRequest("script-title-too-long", LONGEST_TITLE);
        }
        String description = text(draft.description());
        if (description.length() > LONGEST_DESCRIPTION) {
            throw RequestRejected.badRequest("script-description-too-long", LONGEST_DESCRIPTION);
        }
        List<StepDraft> drafted = draft.steps() == null
                ? List.of()
                : draft.steps().stream().filter(Objects::nonNull).toList();
        if (drafted.isEmpty()) {
            throw RequestRejected.badRequest("script-steps-required");
        }
        if (drafted.size() > MOST_STEPS) {
            throw RequestRejected.badRequest("script-too-many-steps", MOST_STEPS);
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (StepDraft step : drafted) {
            Step checked = step(step);
            if (steps.putIfAbsent(checked.key(), checked) != null) {
                throw RequestRejected.badRequest("script-step-key-taken", checked.key());
            }
        }
        String start = line(draft.start());
        if (start.isEmpty()) {
            start = steps.keySet().iterator().next();
        } else if (!steps.containsKey(start)) {
            throw RequestRejected.badRequest("script-start-unknown", start);
        }
        for (Step step : steps.values()) {
            for (StepChoice choice : step.choices()) {
                if (!steps.containsKey(choice.next())) {
                    throw RequestRejected.badRequest("script-choice-unknown-step", step.key(), choice.next());
                }
            }
        }
        if (steps.values().stream().noneMatch(step -> step.kind() == ScriptStepKind.END)) {
            throw RequestRejected.badRequest("script-end-required");
        }
        Set<String> reachable = reachableFrom(start, steps);
        for (String key : steps.keySet()) {
            if (!reachable.contains(key)) {
                throw RequestRejected.badRequest("script-step-unreachable", key);
            }
        }
        Set<String> ending = leadingToAnEnd(steps);
        for (String key : steps.keySet()) {
            if (!ending.contains(key)) {
                throw RequestRejected.badRequest("script-step-never-ends", key);
            }
        }
        return new ScriptGraph(title, description, start, List.copyOf(steps.values()));
    }

    private static Step step(StepDraft step) {
        String key = line(step.key());
        if (key.isEmpty()) {
            throw RequestRejected.badRequest("script-step-key-required");
        }
        if (!KEY.matcher(key).matches()) {
            throw RequestRejected.badRequest("script-step-key-invalid", key, LONGEST_KEY);
        }
        ScriptStepKind kind = step.kind();
        if (kind == null) {
            throw RequestRejected.badRequest("script-step-kind-required", key);
        }
        String title = line(step.title());
        if (title.isEmpty()) {
            title = key;
        }
        if (title.length() > LONGEST_STEP_TITLE) {
            throw RequestRejected.badRequest("script-step-title-too-long", key, LONGEST_STEP_TITLE);
        }
        String text = text(step.text());
        if (text.isEmpty()) {
            throw RequestRejected.badRequest("script-step-text-required", key);
        }
        if (text.length() > LONGEST_STEP_TEXT) {
            throw RequestRejected.badRequest("script-step-text-too-long", key, LONGEST_STEP_TEXT, text.length());
        }
        for (String written : List.of(title, text)) {
            ScriptVariables.firstUnknownIn(written).ifPresent(name -> {
                throw RequestRejected.badRequest(
                        "script-unknown-variable", key, "{{" + name + "}}", ScriptVariables.written());
            });
        }
        List<StepChoice> choices = new ArrayList<>();
        for (ChoiceDraft choice : step.choices() == null ? List.<ChoiceDraft>of() : step.choices()) {
            if (choice == null) {
                continue;
            }
            String label = line(choice.label());
            String next = line(choice.next());
            // A row the editor left blank is no choice; a label without a target is a mistake.
            if (label.isEmpty() && next.isEmpty()) {
                continue;
            }
            if (next.isEmpty()) {
                throw RequestRejected.badRequest("script-choice-next-required", key, label);
            }
            if (label.length() > LONGEST_LABEL) {
                throw RequestRejected.badRequest("script-choice-label-too-long", key, LONGEST_LABEL);
            }
            if (label.isEmpty() && kind == ScriptStepKind.ASK) {
                throw RequestRejected.badRequest("script-choice-label-required", key);
            }
            choices.add(new StepChoice(label, next));
        }
        switch (kind) {
            case END -> {
                if (!choices.isEmpty()) {
                    throw RequestRejected.badRequest("script-end-step-leads-on", key);
                }
            }
            case SAY, NOTE -> {
                if (choices.size() != 1) {
                    throw RequestRejected.badRequest("script-step-needs-one-next", key);
                }
            }
            case ASK -> {
                if (choices.isEmpty()) {
                    throw RequestRejected.badRequest("script-question-needs-choices", key);
                }
                if (choices.size() > MOST_CHOICES) {
                    throw RequestRejected.badRequest("script-too-many-choices", key, MOST_CHOICES);
                }
            }
        }
        return new Step(key, kind, title, text, choices);
    }

    private static Set<String> reachableFrom(String start, Map<String, Step> steps) {
        Set<String> seen = new HashSet<>(List.of(start));
        ArrayDeque<String> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty()) {
            for (StepChoice choice :
                    Objects.requireNonNull(steps.get(next.pop())).choices()) {
                if (seen.add(choice.next())) {
                    next.add(choice.next());
                }
            }
        }
        return seen;
    }

    /** The steps from which some path reaches an END step: walked backwards from the ends. */
    private static Set<String> leadingToAnEnd(Map<String, Step> steps) {
        Map<String, List<String>> ledFrom = new HashMap<>();
        steps.values()
                .forEach(step -> step.choices()
                        .forEach(choice -> ledFrom.computeIfAbsent(choice.next(), key -> new ArrayList<>())
                                .add(step.key())));
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> next = new ArrayDeque<>();
        steps.values().stream()
                .filter(step -> step.kind() == ScriptStepKind.END)
                .forEach(step -> {
                    seen.add(step.key());
                    next.add(step.key());
                });
        while (!next.isEmpty()) {
            for (String before : ledFrom.getOrDefault(next.pop(), List.of())) {
                if (seen.add(before)) {
                    next.add(before);
                }
            }
        }
        return seen;
    }

    /** One line of text: stripped, and refused with any control character (a tab, a newline, a NUL). */
    private static String line(@Nullable String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejected.badRequest("script-control-characters");
        }
        return stripped;
    }

    /** Lines of text: newlines kept (as \n), every other control character refused. */
    private static String text(@Nullable String value) {
        String stripped = value == null ? "" : value.replace("\r\n", "\n").strip();
        if (stripped.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
            throw RequestRejected.badRequest("script-control-characters");
        }
        return stripped;
    }
}
