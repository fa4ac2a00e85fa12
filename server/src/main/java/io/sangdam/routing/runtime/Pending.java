package io.sangdam.routing.runtime;

import io.sangdam.engine.routing.RoutingEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** A command waiting for its center's worker, or (without a request) a nudge to let time pass. */
record Pending(
        @Nullable RoutingRequest request, @Nullable String commandId, CompletableFuture<List<RoutingEvent>> answer) {

    static Pending tick() {
        return new Pending(null, null, new CompletableFuture<>());
    }
}
