package io.sangdam.protection;

import io.sangdam.engine.protection.Detection;
import io.sangdam.engine.protection.Finding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "protection", description = "Abusive-language detection (감정노동 보호)")
class ProtectionApi {

    private final AbuseScreening screening;

    ProtectionApi(AbuseScreening screening) {
        this.screening = screening;
    }

    record ClassifyRequest(@NotNull @Size(max = 100_000) String text) {}

    record Category(String category, String severity, int start, int end) {}

    record Classification(boolean abusive, List<Category> categories) {}

    @PostMapping("/api/protection/classify")
    @Operation(
            summary = "Detect profanity (욕설), insults (인격모독), sexual harassment (성희롱) and threats (협박)",
            description = "Offsets are UTF-16 code units into the given text, end exclusive.")
    Classification classify(@Valid @RequestBody ClassifyRequest request) {
        Detection detection = screening.screen(request.text());
        return new Classification(
                detection.abusive(),
                detection.findings().stream()
                        .map((Finding f) ->
                                new Category(f.category().name(), f.severity().name(), f.start(), f.end()))
                        .toList());
    }
}
