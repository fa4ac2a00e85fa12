package io.sangdam.knowledge;

/** What a step of a consultation script asks of the agent. */
public enum ScriptStepKind {
    /** Words to say (or write) to the customer; one way on. */
    SAY,
    /** A question whose answers branch: each choice leads to its own step. */
    ASK,
    /** A reminder for the agent only (check the contract, verify identity); one way on. */
    NOTE,
    /** The script is done; no way on. */
    END;

    /** Whether a step of this kind has exactly one way on, which the desk shows as "next". */
    public boolean leadsOnOnce() {
        return this == SAY || this == NOTE;
    }
}
