package io.sangdam.knowledge;

import io.sangdam.contact.ConsultationRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Ties an agent's script runs to the consultation record they save for the conversation (the path
 * is kept with the record), from contact's durable event: after the record's commit, again after a
 * crash, so the update is idempotent. A run left under way is marked abandoned.
 */
@Service
class ScriptRunRecords {

    private final StoredRuns runs;

    ScriptRunRecords(StoredRuns runs) {
        this.runs = runs;
    }

    @ApplicationModuleListener
    void recorded(ConsultationRecorded recorded) {
        runs.recorded(recorded.contactId(), recorded.agent(), recorded.consultationId(), recorded.recordedAt());
    }
}
