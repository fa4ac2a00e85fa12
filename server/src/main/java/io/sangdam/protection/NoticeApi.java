package io.sangdam.protection;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The protection notice and warnings per center: read by the ARS and other channels, edited by the center. */
@RestController
@RequestMapping("/api/protection/centers/{center}/notices")
@Tag(name = "protection", description = "Abusive-language detection (감정노동 보호)")
class NoticeApi {

    private final ProtectionNotices notices;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    NoticeApi(ProtectionNotices notices, CenterDirectory centers, CurrentUsers currentUsers) {
        this.notices = notices;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    record NoticeText(@Nullable String text) {}

    @GetMapping
    @Operation(
            summary = "The center's chat-start notice (the one the ARS plays), first and final warning, in Korean "
                    + "and English; custom false means the default text")
    List<ProtectionNotices.Notice> list(@PathVariable long center) {
        return notices.of(centers.visibleTo(currentUsers.require(), center).id());
    }

    @PutMapping("/{kind}/{language}")
    @Operation(summary = "Sets the center's own text (center manager of that center, or the protection team)")
    ProtectionNotices.Notice save(
            @PathVariable long center,
            @PathVariable String kind,
            @PathVariable String language,
            @RequestBody NoticeText body) {
        long id = editable(center);
        var chosen = ProtectionNotices.kind(kind);
        notices.save(id, chosen, language, body.text(), currentUsers.require().username());
        return find(id, chosen, language);
    }

    @DeleteMapping("/{kind}/{language}")
    @Operation(summary = "Goes back to the default text")
    ProtectionNotices.Notice reset(
            @PathVariable long center, @PathVariable String kind, @PathVariable String language) {
        long id = editable(center);
        var chosen = ProtectionNotices.kind(kind);
        notices.reset(id, chosen, language);
        return find(id, chosen, language);
    }

    private long editable(long center) {
        CurrentUser user = currentUsers.require();
        if (!user.hasAny(Role.CENTER_MANAGER, Role.PROTECTION_TEAM)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        return centers.visibleTo(user, center).id();
    }

    private ProtectionNotices.Notice find(long center, ProtectionNotices.Kind kind, String language) {
        return notices.of(center).stream()
                .filter(n -> n.kind() == kind && n.language().equals(language))
                .findFirst()
                .orElseThrow(() -> RequestRejected.badRequest("notice-language-unknown", language));
    }
}
