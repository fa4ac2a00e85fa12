package io.sangdam.protection;

import io.sangdam.engine.protection.AbuseDetector;
import io.sangdam.engine.protection.Detection;
import io.sangdam.engine.protection.Lexicon;
import io.sangdam.engine.protection.LexiconDetector;
import io.sangdam.platform.ClusterSignals;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks a customer's message before the agent reads it, with the lexicon the protection team keeps
 * (seeded from the shipped default on the first start). A detector is immutable and thread-safe:
 * one instance serves every conversation until the lexicon changes; then a new one is built beside
 * it and swapped in with one volatile write, so a message is screened either wholly by the old or
 * wholly by the new lexicon and screening never waits for a rebuild. Other server nodes on the same
 * database are told of a change and rebuild theirs from the database ({@link ClusterSignals}), also
 * when they may have missed being told.
 */
@Service
public class AbuseScreening {

    private static final Logger log = LoggerFactory.getLogger(AbuseScreening.class);

    static final String LEXICON_CHANGED = "protection.lexicon-changed";

    private final LexiconEntries entries;
    private final ClusterSignals cluster;
    private volatile AbuseDetector detector;

    AbuseScreening(LexiconEntries entries, ClusterSignals cluster) {
        this.entries = entries;
        this.cluster = cluster;
        // A change missed while this node was not listening: the database has every change.
        cluster.receive(LEXICON_CHANGED, changed -> rebuildHere(), this::rebuildHere);
        entries.seedIfEmpty(Lexicon.defaults());
        this.detector = build();
    }

    public Detection screen(String text) {
        return detector.detect(text);
    }

    LexiconEntries.Entry add(
            @Nullable String category, @Nullable String severity, @Nullable String pattern, String by) {
        var entry = entries.add(category, severity, pattern, by);
        rebuild();
        return entry;
    }

    LexiconEntries.Entry deactivate(long id, String by) {
        var entry = entries.deactivate(id, by);
        rebuild();
        return entry;
    }

    LexiconEntries.Entry reactivate(long id) {
        var entry = entries.reactivate(id);
        rebuild();
        return entry;
    }

    /** The lexicon now in service. */
    Lexicon lexicon() {
        return entries.active();
    }

    /**
     * Builds a detector from the current entries and puts it in service. Serialised, and each build
     * reads the entries after its own change was committed, so the last build sees every change.
     */
    void rebuild() {
        rebuildHere();
        cluster.announce(LEXICON_CHANGED, "");
    }

    private synchronized void rebuildHere() {
        detector = build();
    }

    private AbuseDetector build() {
        long started = System.nanoTime();
        Lexicon lexicon = entries.active();
        AbuseDetector built = new LexiconDetector(lexicon);
        log.info(
                "Abuse detector built from {} terms and {} allowed phrases in {} ms",
                lexicon.terms().size(),
                lexicon.allowedPhrases().size(),
                (System.nanoTime() - started) / 1_000_000);
        return built;
    }
}
