package io.sangdam.routing.runtime;

import io.sangdam.routing.QueueSettings;
import java.util.List;

/** The queues stored for each center, as the runtime reads them to start and check its engines. */
public interface ConfiguredQueues {

    List<Long> centersWithQueues();

    /** The center's queues as stored now, in code order. */
    List<QueueSettings> of(long centerId);
}
