package io.sangdam.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A script as written in a request or the editor's form, before it is checked: anything may be
 * missing. {@link ScriptGraph#checked} turns it into a graph or says what to fix.
 *
 * @param start the key of the first step; the first step listed when absent
 */
public record ScriptDraft(
        @Nullable String title,
        @Nullable String description,
        @Nullable String start,
        @Nullable List<StepDraft> steps) {

    /**
     * @param key how choices name the step, unique in the script (letters, digits, - and _)
     * @param title a short name for the path and the editor's links; the key when absent
     */
    public record StepDraft(
            @Nullable String key,
            @Nullable ScriptStepKind kind,
            @Nullable String title,
            @Nullable String text,
            @Nullable List<ChoiceDraft> choices) {}

    /** @param label what the agent clicks (the customer's answer); may be empty on SAY and NOTE steps */
    public record ChoiceDraft(
            @Nullable String label, @Nullable String next) {}
}
