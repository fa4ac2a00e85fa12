package io.sangdam.platform;

import java.time.Duration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed durable events to their listeners again (docs/adr/0015). Modulith republishes what
 * is outstanding when a node starts; a listener that failed while the node runs (the database
 * was briefly gone, a deadlock) would otherwise wait for the next restart.
 *
 * <p>Every node runs this. The registry marks a publication resubmitted with a conditional
 * update, so two nodes do not hand the same one over at once; a listener must still be idempotent,
 * since a node's restart republishes what another node may be handling at that moment.
 */
@Component
public class EventRetries {

    /** Younger failures wait: the cause (a restart of the database, a lock) is often still there. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    /**
     * A publication that failed this often is left FAILED for an operator to look at (its listener's
     * log says why): an event no listener can handle must not be retried forever.
     */
    static final int MOST_ATTEMPTS = 10;

    private final FailedEventPublications failed;

    EventRetries(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void retryFailed() {
        retryFailedBefore(RETRY_AFTER);
    }

    /** Resubmits failed publications at least {@code age} old that have attempts left. */
    public void retryFailedBefore(Duration age) {
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(age)
                .withBatchSize(100)
                .withFilter(publication -> publication.getCompletionAttempts() < MOST_ATTEMPTS));
    }
}
