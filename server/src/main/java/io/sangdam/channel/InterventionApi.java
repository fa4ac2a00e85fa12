package io.sangdam.channel;

import io.sangdam.channel.Conversations.Message;
import io.sangdam.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitor page's calls for stepping into a chat (whisper, barge in, take over, write, end).
 * Supervisors and center managers only: executives and headquarters sit in read-only.
 */
@RestController
@RequestMapping("/monitor/{conversation}")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER')")
@Hidden
class InterventionApi {

    private final Interventions interventions;
    private final CurrentUsers currentUsers;

    InterventionApi(Interventions interventions, CurrentUsers currentUsers) {
        this.interventions = interventions;
        this.currentUsers = currentUsers;
    }

    record Text(@NotNull @Size(max = 100_000) String text) {}

    @PostMapping("/whisper")
    @ResponseStatus(HttpStatus.CREATED)
    Message whisper(@PathVariable String conversation, @Valid @RequestBody Text text) {
        return interventions.whisper(currentUsers.require(), conversation, text.text());
    }

    @PostMapping("/barge-in")
    Message bargeIn(@PathVariable String conversation) {
        return interventions.bargeIn(currentUsers.require(), conversation);
    }

    @PostMapping("/take-over")
    Message takeOver(@PathVariable String conversation) {
        return interventions.takeOver(currentUsers.require(), conversation);
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Message say(@PathVariable String conversation, @Valid @RequestBody Text text) {
        return interventions.says(currentUsers.require(), conversation, text.text());
    }

    @PostMapping("/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(@PathVariable String conversation) {
        interventions.end(currentUsers.require(), conversation);
    }
}
