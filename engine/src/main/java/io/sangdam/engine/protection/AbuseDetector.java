package io.sangdam.engine.protection;

/**
 * Decides whether a customer message is abusive, and where. Implementations must accept any string,
 * including empty, 100 KB long, binary garbage and unpaired surrogates, without throwing, and must
 * be safe to call from many threads: the chat channel calls it for every customer message before
 * the agent sees it.
 *
 * <p>An interface so that a statistical model can join the rule-based {@link LexiconDetector} later
 * (for example as a second opinion on messages the rules leave clean).
 */
public interface AbuseDetector {

    Detection detect(String text);
}
