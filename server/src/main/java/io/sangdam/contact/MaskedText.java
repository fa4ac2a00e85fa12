package io.sangdam.contact;

import java.util.List;

/**
 * A text with its personal data masked, and where each piece was. Span offsets index the ORIGINAL
 * text (UTF-16 code units, end exclusive): masking can change lengths, e.g. {@code 01012345678}
 * becomes {@code 010-****-5678}.
 */
public record MaskedText(String masked, List<Span> spans) {

    public MaskedText {
        spans = List.copyOf(spans);
    }

    public record Span(int start, int end, PersonalDataKind kind) {
    }
}
