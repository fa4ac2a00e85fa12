package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The centers of the organisation, as other modules may read them. */
@Service
public class CenterDirectory {

    private final Centers centers;

    CenterDirectory(Centers centers) {
        this.centers = centers;
    }

    public List<Center> all() {
        return centers.all();
    }

    public Optional<Center> find(long id) {
        return centers.find(id);
    }

    public Center get(long id) {
        return centers.find(id).orElseThrow(() -> RequestRejected.notFound("unknown-center", id));
    }

    /** The center, if this user may see it; otherwise {@code access-denied} (403). */
    public Center visibleTo(CurrentUser user, long centerId) {
        Center center = get(centerId);
        if (!user.canSee(center.id())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        return center;
    }

    /**
     * The center a page works on: the requested one (if the user may see it), else the user's own
     * partner center, else, for headquarters staff, the first partner center they see.
     */
    public Center chooseFor(CurrentUser user, @Nullable Long requested) {
        if (requested != null) {
            return visibleTo(user, requested);
        }
        Center own = get(user.centerId());
        if (!own.isHeadquarters()) {
            return own;
        }
        return visibleTo(user).stream()
                .filter(c -> !c.isHeadquarters())
                .findFirst()
                .orElse(own);
    }

    /** The partner centers this user may see (headquarters has no agents of its own to show). */
    public List<Center> partnersVisibleTo(CurrentUser user) {
        return visibleTo(user).stream().filter(c -> !c.isHeadquarters()).toList();
    }

    /** The centers this user may see: all of them for headquarters roles, else their own. */
    public List<Center> visibleTo(CurrentUser user) {
        return centers.all().stream().filter(c -> user.canSee(c.id())).toList();
    }
}
