package io.sangdam.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait for the current database transaction to commit: a push to a browser
 * announces something stored, so it must not leave before the commit, and not at all after a
 * rollback. Outside a transaction the work runs at once.
 *
 * <p>The work of one transaction runs in the order it was given, after the commit, on the
 * committing thread. A failing piece is logged and does not stop the others: the data is stored
 * by then, and a screen that missed a push catches up when it reloads.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {}

    /** Where the work given so far ends, to take back what came after it ({@link #discardSince}). */
    public record Mark(int position) {}

    public static void run(Runnable work) {
        Pending pending = pending();
        if (pending == null) {
            work.run();
        } else {
            pending.work.add(work);
        }
    }

    /**
     * Like {@link #run}, but a key given again in the same transaction adds nothing: one
     * notification per transaction where the receiver only needs to know that something changed.
     */
    public static void once(Object key, Runnable work) {
        Pending pending = pending();
        if (pending == null) {
            work.run();
        } else if (pending.keys.add(key)) {
            pending.work.add(work);
        }
    }

    public static Mark mark() {
        Pending pending = pending();
        return new Mark(pending == null ? 0 : pending.work.size());
    }

    /**
     * Takes back the work given since the mark: for a part of the transaction that was rolled back
     * to a savepoint, whose changes will never be committed.
     */
    public static void discardSince(Mark mark) {
        Pending pending = pending();
        if (pending != null && pending.work.size() > mark.position()) {
            pending.work.subList(mark.position(), pending.work.size()).clear();
            // Forgetting every key lets one whose work was taken back be given again; at worst a notice goes twice.
            pending.keys.clear();
        }
    }

    private static @Nullable Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(Pending.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private static final class Pending implements TransactionSynchronization {

        private final List<Runnable> work = new ArrayList<>();
        private final Set<Object> keys = new HashSet<>();

        @Override
        public void afterCommit() {
            // By index, not over a copy: work running here may give more (a push from a listener that
            // itself waited for the commit), and the transaction is still bound while it runs, so that
            // work lands in this list and must run in this pass; it would be lost otherwise.
            for (int next = 0; next < work.size(); next++) {
                Runnable each = work.get(next);
                try {
                    each.run();
                } catch (RuntimeException failed) {
                    log.warn("Work after a commit failed; what it announced is stored", failed);
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
            work.clear();
            keys.clear();
        }
    }
}
