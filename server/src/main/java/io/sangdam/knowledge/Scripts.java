package io.sangdam.knowledge;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import io.sangdam.knowledge.StoredScripts.Stored;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultation scripts (상담 스크립트): who reads and who writes which, and every change as a new
 * version (docs/adr/0024). A center's scripts are its own; headquarters' are read by every center
 * and written only at headquarters. Knowledge owners (supervisors, center managers, administrators)
 * write their own center's (administrators any center they see); agents read only what is
 * published and not archived. A script of a center the user cannot see is unknown to them (404),
 * so an id tells nothing about other centers.
 *
 * <p>{@code WritePermissions} lets the owners call the writes at all; which script each may write is
 * decided here, once, for the API and the editor alike.
 */
@Service
public class Scripts {

    /** A script as one reader sees it: whether they may change it is part of what they see. */
    public record ScriptSummary(
            long id,
            long centerId,
            boolean headquarters,
            String title,
            int latestVersion,
            @Nullable Integer publishedVersion,
            boolean archived,
            String updatedBy,
            Instant updatedAt,
            boolean editable) {

        public boolean hasDraft() {
            return publishedVersion == null || publishedVersion < latestVersion;
        }
    }

    /** One version of a script with its steps. */
    public record ScriptVersion(
            ScriptSummary script, int version, ScriptGraph graph, String createdBy, Instant createdAt) {}

    private final StoredScripts stored;
    private final CenterDirectory centers;
    private final Clock clock;

    Scripts(StoredScripts stored, CenterDirectory centers, Clock clock) {
        this.stored = stored;
        this.centers = centers;
        this.clock = clock;
    }

    /** Whether this user may write scripts at all (the editor offers its form only to them). */
    public static boolean writesAny(CurrentUser user) {
        return user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.ADMINISTRATOR);
    }

    /**
     * The scripts a user sees for a center: the center's own and headquarters'. Drafts and archived
     * scripts only where the user may write them; for the others, only what is published.
     */
    @Transactional(readOnly = true)
    public List<ScriptSummary> visible(CurrentUser user, Center center) {
        if (!user.canSee(center.id())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "access-denied");
        }
        Set<Long> ids = new LinkedHashSet<>(List.of(center.id()));
        centers.all().stream().filter(Center::isHeadquarters).forEach(hq -> ids.add(hq.id()));
        return stored.inCenters(ids).stream()
                .filter(script -> reads(user, script))
                .map(script -> summary(user, script))
                .toList();
    }

    /** The scripts an agent may follow in a center: published, not archived, the center's and headquarters'. */
    @Transactional(readOnly = true)
    public List<ScriptSummary> toFollow(CurrentUser user, long centerId) {
        return visible(user, centers.get(centerId)).stream()
                .filter(script -> script.publishedVersion() != null && !script.archived())
                .toList();
    }

    /**
     * One version of a script: the one asked for, else the newest for those who write it and the
     * published one for everyone else.
     */
    @Transactional(readOnly = true)
    public ScriptVersion get(CurrentUser user, long id, @Nullable Integer version) {
        Stored script = readable(user, id);
        boolean writes = writes(user, script);
        int chosen;
        if (version != null) {
            if (!writes && !version.equals(script.publishedVersion())) {
                throw RequestRejected.notFound("unknown-script-version", id, version);
            }
            chosen = version;
        } else {
            chosen = writes || script.publishedVersion() == null ? script.latestVersion() : script.publishedVersion();
        }
        return version(user, script, chosen);
    }

    @Transactional
    public ScriptVersion create(CurrentUser user, @Nullable Long center, ScriptDraft draft) {
        Center chosen = center == null ? centers.get(user.centerId()) : centers.visibleTo(user, center);
        if (!writesIn(user, chosen.id())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "script-read-only");
        }
        ScriptGraph graph = ScriptGraph.checked(draft);
        long id = stored.add(chosen.id(), graph, user.username(), clock.instant());
        return get(user, id, 1);
    }

    /** Saves the script as its next version, a draft until it is published; runs keep the version they follow. */
    @Transactional
    public ScriptVersion edit(CurrentUser user, long id, ScriptDraft draft) {
        Stored script = writable(user, id);
        ScriptGraph graph = ScriptGraph.checked(draft);
        int version = stored.change(script.id(), graph, user.username(), clock.instant());
        return get(user, id, version);
    }

    /** Agents follow the newest version from now on; a run already under way keeps its own. */
    @Transactional
    public ScriptVersion publish(CurrentUser user, long id) {
        Stored script = writable(user, id);
        stored.publish(id, script.latestVersion(), user.username(), clock.instant());
        return get(user, id, script.latestVersion());
    }

    /** Agents no longer see it; runs already under way may finish, and the editor keeps it for the record. */
    @Transactional
    public ScriptSummary archive(CurrentUser user, long id) {
        writable(user, id);
        stored.archive(id, user.username(), clock.instant());
        return summary(user, readable(user, id));
    }

    /**
     * The published version of a script an agent may follow in a conversation of this center, for a
     * run to start on; anything else (archived, a draft only, another center's) is unknown.
     */
    ScriptVersion followable(CurrentUser user, long centerId, long id) {
        Stored script = stored.find(id)
                .filter(found -> found.centerId() == centerId || headquarters(found.centerId()))
                .filter(found -> !found.archived())
                .orElseThrow(() -> RequestRejected.notFound("unknown-script", id));
        Integer published = script.publishedVersion();
        if (published == null) {
            throw RequestRejected.notFound("unknown-script", id);
        }
        return version(user, script, published);
    }

    /** The graph of a version a run follows (a version never changes, so no one's rights are asked). */
    ScriptGraph graph(long id, int version) {
        return stored.graph(id, version)
                .orElseThrow(() -> RequestRejected.notFound("unknown-script-version", id, version));
    }

    private ScriptVersion version(CurrentUser user, Stored script, int version) {
        ScriptGraph graph = stored.graph(script.id(), version)
                .orElseThrow(() -> RequestRejected.notFound("unknown-script-version", script.id(), version));
        StoredScripts.Written written = stored.written(script.id(), version).orElseThrow();
        return new ScriptVersion(summary(user, script), version, graph, written.createdBy(), written.createdAt());
    }

    private Stored readable(CurrentUser user, long id) {
        return stored.find(id)
                .filter(script -> reads(user, script))
                .orElseThrow(() -> RequestRejected.notFound("unknown-script", id));
    }

    private Stored writable(CurrentUser user, long id) {
        Stored script = readable(user, id);
        if (!writes(user, script)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "script-read-only");
        }
        if (script.archived()) {
            throw RequestRejected.conflict("script-archived", script.title());
        }
        return script;
    }

    private boolean reads(CurrentUser user, Stored script) {
        if (!user.canSee(script.centerId()) && !headquarters(script.centerId())) {
            return false;
        }
        return writes(user, script) || (script.publishedVersion() != null && !script.archived());
    }

    private boolean writes(CurrentUser user, Stored script) {
        return writesIn(user, script.centerId());
    }

    /** Owners write their own center's scripts; administrators those of every center they see. */
    private static boolean writesIn(CurrentUser user, long centerId) {
        if (!writesAny(user)) {
            return false;
        }
        return centerId == user.centerId() || (user.has(Role.ADMINISTRATOR) && user.canSee(centerId));
    }

    private boolean headquarters(long centerId) {
        return centers.find(centerId).map(Center::isHeadquarters).orElse(false);
    }

    private ScriptSummary summary(CurrentUser user, Stored script) {
        return new ScriptSummary(
                script.id(),
                script.centerId(),
                headquarters(script.centerId()),
                script.title(),
                script.latestVersion(),
                script.publishedVersion(),
                script.archived(),
                script.updatedBy(),
                script.updatedAt(),
                writes(user, script));
    }
}
