package io.sangdam.channel;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.platform.RequestRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A center's chat settings: read by anyone who sees the center, set by its manager or an administrator. */
@RestController
@RequestMapping("/api/centers/{center}/chat-settings")
@Tag(name = "chat settings", description = "A center's web chat settings")
class ChatSettingsApi {

    private final ChatSettings settings;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    ChatSettingsApi(ChatSettings settings, CenterDirectory centers, CurrentUsers currentUsers, Clock clock) {
        this.settings = settings;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The center's chat settings (customerGoneSeconds: 60 unless the center set it)")
    ChatSettings.ChatSetting get(@PathVariable long center) {
        return settings.of(centers.visibleTo(currentUsers.require(), center).id());
    }

    /** @param customerGoneSeconds 15 to 1800 */
    record ChatSettingChange(@Nullable Integer customerGoneSeconds) {}

    @PutMapping
    @Operation(
            summary = "Set how long a chat's customer may be gone (no open stream, no request) before a waiting "
                    + "chat is abandoned and a connected one shown to its agent as left: 15 to 1800 seconds")
    ChatSettings.ChatSetting set(@PathVariable long center, @RequestBody ChatSettingChange change) {
        CurrentUser user = currentUsers.require();
        if (!user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        long id = centers.visibleTo(user, center).id();
        return settings.set(id, change.customerGoneSeconds(), user.username(), clock.instant());
    }
}
