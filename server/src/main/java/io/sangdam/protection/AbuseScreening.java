package io.sangdam.protection;

import io.sangdam.engine.protection.AbuseDetector;
import io.sangdam.engine.protection.Detection;
import io.sangdam.engine.protection.LexiconDetector;
import org.springframework.stereotype.Service;

/**
 * Checks a customer's message before the agent reads it. The detector is immutable and
 * thread-safe; one instance serves every conversation.
 */
@Service
public class AbuseScreening {

    private final AbuseDetector detector = LexiconDetector.withDefaultLexicon();

    public Detection screen(String text) {
        return detector.detect(text);
    }
}
