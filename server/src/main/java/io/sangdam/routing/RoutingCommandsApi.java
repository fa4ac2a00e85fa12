package io.sangdam.routing;

import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.engine.routing.RoutingSnapshot;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.runtime.RoutingRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing event API: what a PBX, a chat front end or a test driver tells the ACD, and what it
 * answers. Supervisors, center managers and administrators act for their center; an agent only
 * for themselves.
 */
@RestController
@RequestMapping("/api/routing/centers/{center}")
@Tag(name = "routing", description = "Contacts arriving, agents' states, offers, and the live state of a center's ACD")
class RoutingCommandsApi {

    private final Staff staff;
    private final CurrentUsers currentUsers;
    private final Routing routing;
    private final AgentProfiles profiles;

    RoutingCommandsApi(Staff staff, CurrentUsers currentUsers, Routing routing, AgentProfiles profiles) {
        this.routing = routing;
        this.profiles = profiles;
        this.staff = staff;
        this.currentUsers = currentUsers;
    }

    record Outcome(List<RoutingEvent> events) {}

    record NewContact(
            @Nullable @Size(max = 64) String contact,
            @NotBlank String queue,
            @Nullable @Pattern(regexp = "VOICE|CHAT|EMAIL") String channel,
            @Nullable @Min(0) @Max(100) Integer priority,
            @Nullable List<@Pattern(regexp = "FLAGGED_ABUSIVE|ACCESSIBILITY|SENIOR|VIP") String> attributes) {}

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A contact arrives and waits in a queue (or is offered at once)")
    Outcome arrive(@PathVariable long center, @Valid @RequestBody NewContact contact) {
        forCenter(center);
        String id = contact.contact() == null || contact.contact().isBlank()
                ? UUID.randomUUID().toString()
                : contact.contact();
        return new Outcome(routing.handle(
                center,
                new RoutingRequest.Arrive(
                        id,
                        contact.queue(),
                        contact.channel() == null ? "CHAT" : contact.channel(),
                        contact.priority() == null ? 0 : contact.priority(),
                        contact.attributes() == null ? List.of() : contact.attributes())));
    }

    @PostMapping("/contacts/{contact}/end")
    @Operation(summary = "The contact is over (hung up, chat closed); a waiting contact counts as abandoned")
    Outcome end(@PathVariable long center, @PathVariable String contact) {
        forCenter(center);
        return new Outcome(routing.handle(center, new RoutingRequest.End(contact, false)));
    }

    record Move(@NotBlank @Size(max = 30) String queue) {}

    @PostMapping("/contacts/{contact}/move")
    @Operation(
            summary =
                    "A supervisor moves a waiting contact to another queue of the center; its original arrival is kept")
    Outcome move(@PathVariable long center, @PathVariable String contact, @Valid @RequestBody Move move) {
        forCenter(center);
        return new Outcome(routing.move(
                center, contact, move.queue(), currentUsers.require().username()));
    }

    @PostMapping("/agents/{agent}/login")
    @Operation(summary = "The agent logs in with the skills, levels, team and chat capacity on record")
    Outcome logIn(@PathVariable long center, @PathVariable String agent) {
        return new Outcome(routing.handle(center, profiles.logIn(forAgent(center, agent))));
    }

    @PostMapping("/agents/{agent}/ready")
    Outcome ready(@PathVariable long center, @PathVariable String agent) {
        return new Outcome(routing.handle(
                center, new RoutingRequest.BecomeReady(forAgent(center, agent).username())));
    }

    record NotReady(@NotBlank @Size(max = 50) String reason) {}

    @PostMapping("/agents/{agent}/not-ready")
    Outcome notReady(@PathVariable long center, @PathVariable String agent, @Valid @RequestBody NotReady body) {
        return new Outcome(routing.handle(
                center, new RoutingRequest.GoNotReady(forAgent(center, agent).username(), body.reason())));
    }

    @PostMapping("/agents/{agent}/logout")
    Outcome logOut(@PathVariable long center, @PathVariable String agent) {
        return new Outcome(routing.handle(
                center, new RoutingRequest.LogOut(forAgent(center, agent).username())));
    }

    @PostMapping("/agents/{agent}/wrap-up-done")
    Outcome wrapUpDone(@PathVariable long center, @PathVariable String agent) {
        return new Outcome(routing.handle(
                center, new RoutingRequest.FinishWrapUp(forAgent(center, agent).username())));
    }

    @PostMapping("/agents/{agent}/offers/{contact}/accept")
    @Operation(summary = "The agent accepts the contact offered to them")
    Outcome accept(@PathVariable long center, @PathVariable String agent, @PathVariable String contact) {
        return new Outcome(routing.handle(
                center, new RoutingRequest.Accept(forAgent(center, agent).username(), contact)));
    }

    @PostMapping("/agents/{agent}/offers/{contact}/decline")
    Outcome decline(@PathVariable long center, @PathVariable String agent, @PathVariable String contact) {
        return new Outcome(routing.handle(
                center, new RoutingRequest.Decline(forAgent(center, agent).username(), contact)));
    }

    @GetMapping("/state")
    @Operation(summary = "The live state of the center's ACD: agents and the contacts waiting, offered and assigned")
    RoutingSnapshot state(@PathVariable long center) {
        forCenter(center);
        return routing.engineSnapshot(center);
    }

    private void forCenter(long center) {
        CurrentUser user = currentUsers.require();
        if (!user.canSee(center) || !user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.ADMINISTRATOR)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
    }

    /** Supervisors act for their center's agents; an agent only for themselves. */
    private StaffMember forAgent(long center, String agent) {
        CurrentUser user = currentUsers.require();
        StaffMember member = staff.findByUsername(agent)
                .filter(m -> m.centerId() == center && m.has(Role.AGENT))
                .orElseThrow(() -> RequestRejected.notFound("unknown-agent", agent));
        boolean self = user.username().equalsIgnoreCase(member.username());
        if (!self) {
            forCenter(center);
        }
        return member;
    }
}
