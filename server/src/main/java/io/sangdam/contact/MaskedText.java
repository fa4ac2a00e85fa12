package io.sangdam.contact;

import java.util.List;

/**
 * A text with its personal data masked, and where each piece was. Span offsets are UTF-16 code
 * units, end exclusive. Masking keeps each piece's length and separators ({@code 010 1234 5678}
 * becomes {@code 010 **** 5678}), so the offsets index the original and the masked text alike.
 */
public record MaskedText(String masked, List<Span> spans) {

    public MaskedText {
        spans = List.copyOf(spans);
    }

    public record Span(int start, int end, PersonalDataKind kind) {}
}
