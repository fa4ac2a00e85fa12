package io.sangdam.engine.routing;

import org.jspecify.annotations.Nullable;

/** The engine's compiled form of a {@link QueueDefinition}. */
final class ContactQueue {

    /** One overflow step: due {@code afterMillis} after the contact entered the queue. */
    record Step(long afterMillis, @Nullable ContactQueue moveTo) {}

    final int index;
    final QueueDefinition definition;
    final QueueId id;
    final int channel;
    final double agingPerMilli;
    final long wrapUpMillis;
    final boolean alwaysOpen;
    Step[] steps = new Step[0];
    /** Timer lane of this queue's wrap-ups; its overflow steps use the lanes right after. */
    int firstTimerLane;
    /** pools[stage][lane]: stage 0 is the queue as defined, each relaxing step adds one. */
    Pool[][] pools = new Pool[0][];

    ContactQueue(int index, QueueDefinition definition) {
        this.index = index;
        this.definition = definition;
        this.id = definition.id();
        this.channel = definition.channel().ordinal();
        this.agingPerMilli = definition.agingPerMinute() / 60_000.0;
        this.wrapUpMillis = definition.wrapUp().toMillis();
        this.alwaysOpen = definition.hours().alwaysOpen();
    }
}
