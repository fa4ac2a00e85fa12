package io.sangdam.knowledge.demo;

import io.sangdam.knowledge.ScriptDraft;

/** The demo scripts' writes, on knowledge's tables (the demo sub-package cannot see them). */
public interface DemoScriptStore {

    boolean hasScripts();

    /** Checked as any script is, then published as version 1. */
    void addPublished(long centerId, ScriptDraft script);
}
