package io.sangdam.routing;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where another server node forwards a command for a center this node routes ({@link RoutingForwarding}).
 * Only a node with the cluster secret gets here (identity's security for {@code /internal/**});
 * the request is the routing log's JSON of the command, the answer the wire form of its events. A
 * command sent again with the same id gets the first answer ({@link AnsweredCommands}).
 */
@RestController
@RequestMapping(RoutingForwarding.PATH + "{center}")
@Hidden
class InternalRoutingApi {

    private final RoutingForwarding forwarding;

    InternalRoutingApi(RoutingForwarding forwarding) {
        this.forwarding = forwarding;
    }

    @PostMapping(path = "/commands/{type}", produces = MediaType.APPLICATION_JSON_VALUE)
    String command(
            @PathVariable long center,
            @PathVariable String type,
            @RequestBody String request,
            @RequestHeader(name = RoutingForwarding.COMMAND_ID, required = false) @Nullable String id) {
        return forwarding.execute(center, type, request, id);
    }

    @GetMapping(path = "/waiting/{contact}", produces = MediaType.APPLICATION_JSON_VALUE)
    String waitingPosition(@PathVariable long center, @PathVariable String contact) {
        return forwarding.waitingPositionHere(center, contact);
    }

    @GetMapping(path = "/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
    String snapshot(@PathVariable long center) {
        return forwarding.snapshotHere(center);
    }
}
