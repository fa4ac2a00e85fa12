package io.sangdam.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The same masker Sangdam uses on transcripts and notes, for integrations that store text too. */
@RestController
@Tag(name = "contacts", description = "Masking personal data in free text")
class MaskingApi {

    static final int MAXIMUM_TEXT_LENGTH = 100_000;

    private final TextMasking masking;

    MaskingApi(TextMasking masking) {
        this.masking = masking;
    }

    record MaskRequest(
            @NotNull @Size(max = MAXIMUM_TEXT_LENGTH) String text) {}

    @PostMapping("/api/contacts/mask")
    @Operation(
            summary =
                    "Mask resident/foreigner registration, card, account, phone, passport numbers and e-mail in a text",
            description = "A masked piece keeps its length and separators, so span offsets (UTF-16 code units, end"
                    + " exclusive) index the original and the masked text alike.")
    MaskedText mask(@Valid @RequestBody MaskRequest request) {
        return masking.mask(request.text());
    }
}
