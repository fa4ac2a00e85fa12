package io.sangdam.knowledge;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultation scripts for integrations and owners ({@code /api/knowledge/scripts}). Who may read
 * or write which script is {@link Scripts}'; running one beside a chat is the desk's (channel).
 */
@RestController
@RequestMapping("/api/knowledge/scripts")
@Tag(name = "scripts", description = "상담 스크립트: versioned step-by-step guides with branches and variables")
class ScriptsApi {

    private final Scripts scripts;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;

    ScriptsApi(Scripts scripts, CenterDirectory centers, CurrentUsers currentUsers) {
        this.scripts = scripts;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @Operation(
            summary = "The scripts of a center (the caller's unless given) and headquarters'; drafts and archived "
                    + "ones only for those who write them")
    List<Scripts.ScriptSummary> list(@RequestParam(required = false) @Nullable Long center) {
        CurrentUser user = currentUsers.require();
        return scripts.visible(user, center == null ? centers.get(user.centerId()) : centers.visibleTo(user, center));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One version of a script with its steps: the newest for its writers, the published one for "
                    + "everyone else; 404 for a script the caller cannot read")
    Scripts.ScriptVersion get(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version) {
        return scripts.get(currentUsers.require(), id, version);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Writes a new script (in the center given, else the caller's) as version 1, a draft: one start,"
                    + " steps SAY/ASK/NOTE/END, each choice leading to a step, every step reachable and able to"
                    + " reach an end")
    Scripts.ScriptVersion create(
            @RequestBody ScriptDraft script, @RequestParam(required = false) @Nullable Long center) {
        return scripts.create(currentUsers.require(), center, script);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Saves the script as its next version, a draft until published")
    Scripts.ScriptVersion edit(@PathVariable long id, @RequestBody ScriptDraft script) {
        return scripts.edit(currentUsers.require(), id, script);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publishes the newest version: agents follow it from now on; runs under way keep theirs")
    Scripts.ScriptVersion publish(@PathVariable long id) {
        return scripts.publish(currentUsers.require(), id);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archives the script: agents no longer see it; its versions and runs stay")
    Scripts.ScriptSummary archive(@PathVariable long id) {
        return scripts.archive(currentUsers.require(), id);
    }
}
