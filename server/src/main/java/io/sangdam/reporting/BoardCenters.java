package io.sangdam.reporting;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.Routing;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Which centers the signed-in user's boards may show: those they may see that route contacts. */
@Service
class BoardCenters {

    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final Routing routing;

    BoardCenters(CenterDirectory centers, CurrentUsers currentUsers, Routing routing) {
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.routing = routing;
    }

    List<Center> routed() {
        return centers.visibleTo(currentUsers.require()).stream()
                .filter(c -> routing.routes(CenterId.of(c.id())))
                .toList();
    }

    /** The center asked for, if the user may see it (else 403) and it routes (else 404); else the first such. */
    Center center(@Nullable Long requested) {
        CurrentUser user = currentUsers.require();
        if (requested == null) {
            return routed().stream()
                    .findFirst()
                    .orElseThrow(() -> RequestRejected.notFound("no-routing-for-center", user.centerId()));
        }
        Center center = centers.visibleTo(user, requested);
        if (!routing.routes(CenterId.of(center.id()))) {
            throw RequestRejected.notFound("no-routing-for-center", center.id());
        }
        return center;
    }
}
