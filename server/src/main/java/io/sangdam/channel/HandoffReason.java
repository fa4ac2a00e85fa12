package io.sangdam.channel;

/** Why the bot passed the customer to an agent; shown to the agent and counted for the knowledge owner. */
enum HandoffReason {
    /** The customer asked for an agent (상담사 연결, or said so in words). */
    ASKED,
    /** Two answers (or searches that found nothing) did not help. */
    TWO_UNHELPFUL,
    /** The customer's words showed they were losing patience. */
    FRUSTRATION,
    /** Protection's screening found abusive language: a person, with the protection notice, takes over. */
    ABUSE
}
