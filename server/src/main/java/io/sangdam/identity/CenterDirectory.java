package io.sangdam.identity;

import io.sangdam.platform.RequestRejected;
import java.util.List;
import java.util.Optional;
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

    /** The centers this user may see: all of them for headquarters roles, else their own. */
    public List<Center> visibleTo(CurrentUser user) {
        return centers.all().stream().filter(c -> user.canSee(c.id())).toList();
    }
}
