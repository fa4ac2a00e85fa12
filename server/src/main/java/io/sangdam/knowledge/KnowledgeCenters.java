package io.sangdam.knowledge;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whose knowledge a user reads and writes. Everyone reads their center's articles and the
 * headquarters center's (shared with all); a knowledge owner writes in the centers they see, so a
 * partner center's owner reads headquarters' articles but cannot change them. What another partner
 * center keeps is answered as unknown (404), not forbidden: its existence is not this user's business.
 */
@Component
class KnowledgeCenters {

    private final CenterDirectory centers;

    KnowledgeCenters(CenterDirectory centers) {
        this.centers = centers;
    }

    Set<Long> headquarters() {
        return centers.all().stream()
                .filter(Center::isHeadquarters)
                .map(Center::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean isHeadquarters(long centerId) {
        return centers.find(centerId).map(Center::isHeadquarters).orElse(false);
    }

    /** The center whose knowledge base a page or call works on: the one asked for, else the user's own. */
    Center working(CurrentUser user, @Nullable Long requested) {
        if (requested == null) {
            return centers.get(user.centerId());
        }
        Center center =
                centers.find(requested).orElseThrow(() -> RequestRejected.notFound("unknown-center", requested));
        if (!user.canSee(center.id()) && !center.isHeadquarters()) {
            throw RequestRejected.notFound("unknown-center", requested);
        }
        return center;
    }

    boolean mayRead(CurrentUser user, long centerId) {
        return user.canSee(centerId) || isHeadquarters(centerId);
    }

    boolean mayWrite(CurrentUser user, long centerId) {
        return ArticleRules.owns(user) && user.canSee(centerId);
    }

    /**
     * @throws RequestRejected knowledge-owners-only (403) for a reader, knowledge-shared-read-only
     *     (403) for headquarters' articles seen from a partner center, or the given unknown code (404)
     */
    void requireWrite(CurrentUser user, long centerId, String unknownCode, Object what) {
        if (!user.canSee(centerId)) {
            if (isHeadquarters(centerId)) {
                ArticleRules.requireOwner(user);
                throw new RequestRejected(HttpStatus.FORBIDDEN, "knowledge-shared-read-only");
            }
            throw RequestRejected.notFound(unknownCode, what);
        }
        ArticleRules.requireOwner(user);
    }
}
