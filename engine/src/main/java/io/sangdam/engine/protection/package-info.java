/**
 * Detection of abuse in customer messages (감정노동 보호, 산업안전보건법 제41조): profanity, insults, sexual
 * harassment and threats, found before the agent reads the message.
 *
 * <p>The server's {@code protection} module builds on three things here: {@link
 * io.sangdam.engine.protection.Lexicon} (terms and allow-listed phrases, the data the protection
 * team edits), {@link io.sangdam.engine.protection.AbuseDetector} (the interface a statistical
 * model may implement later) and {@link io.sangdam.engine.protection.LexiconDetector} (the
 * rule-based detector: {@link io.sangdam.engine.protection.Normaliser} then one Aho-Corasick pass).
 * Offsets in every {@link io.sangdam.engine.protection.Finding} point into the text exactly as the
 * customer sent it. See {@code docs/protection-detection.md}.
 */
@NullMarked
package io.sangdam.engine.protection;

import org.jspecify.annotations.NullMarked;
