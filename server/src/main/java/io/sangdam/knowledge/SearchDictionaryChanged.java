package io.sangdam.knowledge;

import java.time.Instant;

/**
 * The search dictionary changed (a user word or a synonym group was added, changed or removed),
 * published in the transaction that stored the change. The analyzer reads every document through the
 * dictionary, so the whole index is rebuilt from {@link SearchDictionaries#current()}; a listener that
 * has already built from this revision or a later one ({@link SearchDictionaries#revision()}) can
 * skip it, which makes a replayed event harmless.
 *
 * @param revision the id of the change in the dictionary's history; later changes have larger ones
 */
public record SearchDictionaryChanged(long revision, Instant changedAt) {}
