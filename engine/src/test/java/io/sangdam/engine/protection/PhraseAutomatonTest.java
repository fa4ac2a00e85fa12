package io.sangdam.engine.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

    @Test
    void findsExactlyWhatANaiveSearchFinds() {
        // A small alphabet forces many shared prefixes and suffixes, the cases failure links get wrong.
        String alphabet = "시발씨ㅅㅂab";
        long seed = 1124L;
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            List<String> phrases = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                phrases.add(randomText(random, alphabet, 1 + random.nextInt(4)));
            }
            String text = randomText(random, alphabet, random.nextInt(60));

            Set<String> found = new HashSet<>();
            new PhraseAutomaton(phrases).scan(text, (phrase, end) -> found.add(phrase + "@" + end));

            Set<String> expected = new HashSet<>();
            for (int phrase = 0; phrase < phrases.size(); phrase++) {
                String key = phrases.get(phrase);
                for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
                    expected.add(phrase + "@" + (at + key.length()));
                }
            }
            assertThat(found)
                    .as("seed %d round %d: %s in %s", seed, round, phrases, text)
                    .isEqualTo(expected);
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
