package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A logged reason says something: letters or digits, in any script (issue 15, finding 8). */
class ReasonsTests {

    @Test
    void invisibleOrPunctuationOnlyReasonsAreNoReasons() {
        for (String unreadable : new String[] {"", " ", "\u200b", "\u00a0", ".", "\u200b\u00a0.-", "\t\n"}) {
            assertThat(Reasons.given(unreadable)).as(unreadable).isNull();
            assertThatThrownBy(() -> Reasons.required(unreadable, 500))
                    .as(unreadable)
                    .isInstanceOfSatisfying(
                            RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        }
    }

    @Test
    void readableReasonsAreKeptStripped() {
        assertThat(Reasons.required("  본인 확인 ", 500)).isEqualTo("본인 확인");
        assertThat(Reasons.required("VOC-42", 500)).isEqualTo("VOC-42");
        assertThat(Reasons.optional(null, 500)).isNull();
    }

    @Test
    void tooLongIsCountedInCharacters() {
        assertThat(Reasons.required("가".repeat(500), 500)).hasSize(500);
        assertThatThrownBy(() -> Reasons.required("가".repeat(501), 500))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-too-long"));
    }
}
