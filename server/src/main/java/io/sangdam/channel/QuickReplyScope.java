package io.sangdam.channel;

/** Whose set a quick reply belongs to; the agent's desk offers all three, their own first. */
enum QuickReplyScope {
    /** The agent's own sentences, edited only by them. */
    PERSONAL,
    /** A team's set, edited by the team's supervisor. */
    TEAM,
    /** The whole center's set, edited by its center manager (or an administrator). */
    CENTER
}
