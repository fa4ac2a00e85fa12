package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** A transaction's life as Spring drives it, without a database: begin, commit, complete. */
class AfterCommitTests {

    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void begin() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    @AfterEach
    void end() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void workWaitsForTheCommitAndRunsInTheOrderItWasGiven() {
        AfterCommit.run(() -> done.add("first"));
        AfterCommit.run(() -> done.add("second"));
        assertThat(done).isEmpty();

        commit();

        assertThat(done).containsExactly("first", "second");
    }

    @Test
    void workGivenByWorkAfterTheCommitRunsToo() {
        // A listener that waited for the commit pushes to a browser, and the push waits for the commit as well.
        AfterCommit.run(() -> {
            done.add("alert");
            AfterCommit.run(() -> done.add("push of the alert"));
        });

        commit();

        assertThat(done).containsExactly("alert", "push of the alert");
    }

    @Test
    void workTakenBackSinceAMarkNeverRuns() {
        AfterCommit.run(() -> done.add("kept"));
        AfterCommit.Mark mark = AfterCommit.mark();
        AfterCommit.run(() -> done.add("rolled back to the savepoint"));
        AfterCommit.discardSince(mark);

        commit();

        assertThat(done).containsExactly("kept");
    }

    private static void commit() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
        TransactionSynchronizationUtils.invokeAfterCompletion(
                synchronizations, TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationManager.clearSynchronization();
    }
}
