package io.sangdam.engine.routing;

/**
 * How a queue chooses among several eligible agents for a new contact. Every strategy breaks ties by
 * longest idle and then by the order agents first logged in, so a choice is always deterministic.
 */
public enum SelectionStrategy {
    /** The agent whose last contact ended (or who became ready) longest ago. */
    LONGEST_IDLE,
    /**
     * The agent with the least handling time since logging in. Measured when the agent becomes
     * eligible, not continuously: an agent who keeps a chat open while eligible keeps their old rank.
     */
    LEAST_OCCUPIED,
    /** The agent with the highest sum of levels on the queue's required skills. */
    BEST_SKILL_LEVEL,
    /** The agent who was offered a contact least recently. */
    ROUND_ROBIN
}
