package io.sangdam.routing;

/**
 * How a center's agents leave wrap-up (후처리) after their last contact ends, a setting of the center.
 *
 * <p>Why the record and not a timer by default: a timer sent agents back to 상담 가능 with records
 * unwritten, and a record written later, between offers, is written from memory. Genesys Cloud calls
 * this "mandatory, discretionary" after-call work, and Korean consoles keep the agent in 후처리 until
 * the 상담 이력 is saved.
 */
public enum WrapUpRule {
    /**
     * Wrap-up has no timer: it ends when the agent's last open consultation record is saved, and
     * the agent cannot become ready while a record is unsaved.
     */
    UNTIL_RECORDED,
    /** Wrap-up lasts the queue's wrap-up time (or until the agent ends it), records or not. */
    TIMED;

    /** What a center that never chose follows. */
    public static final WrapUpRule DEFAULT = UNTIL_RECORDED;
}
