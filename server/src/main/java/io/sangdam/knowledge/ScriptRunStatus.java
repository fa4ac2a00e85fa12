package io.sangdam.knowledge;

/** Where an agent's run through a script stands. */
public enum ScriptRunStatus {
    /** Under way: the agent is on one of its steps. */
    ACTIVE,
    /** An end step was reached. */
    FINISHED,
    /** Left before an end: another script was chosen, or the record was saved first. */
    ABANDONED
}
