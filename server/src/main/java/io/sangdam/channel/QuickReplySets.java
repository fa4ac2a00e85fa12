package io.sangdam.channel;

import io.sangdam.channel.QuickReplies.QuickReply;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.Role;
import io.sangdam.identity.Staff;
import io.sangdam.identity.StaffMember;
import io.sangdam.platform.Languages;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Who reads and who writes which quick replies. Everyone reads, in their center, the center's set,
 * their team's set and their own; a center manager or an administrator reads every team's. Agents
 * write only their personal set, supervisors also their team's, center managers the center's
 * (administrators any center's). The tenant wall is {@link CurrentUser#canSee}, as everywhere: a
 * reply of a center the user cannot see, or of a set they cannot read, is unknown to them (404), so
 * an id tells nothing about other centers.
 *
 * <p>{@code WritePermissions} lets the four roles call the writes at all; which set each may write is
 * decided here, once, for the API, the desk and the page alike.
 */
@Service
class QuickReplySets {

    static final int LONGEST_TITLE = 50;
    static final int LONGEST_BODY = 2_000;

    /** A reply as written in a form or a request, before it is checked. */
    record Draft(
            @Nullable QuickReplyScope scope,
            @Nullable String title,
            @Nullable String body,
            @Nullable String language) {}

    /** A reply as one reader sees it: whether they may change it is part of what they see. */
    record Listed(
            long id,
            long centerId,
            QuickReplyScope scope,
            @Nullable String team,
            String title,
            String body,
            String language,
            String createdBy,
            java.time.Instant createdAt,
            String updatedBy,
            java.time.Instant updatedAt,
            boolean editable) {}

    private final QuickReplies replies;
    private final CenterDirectory centers;
    private final Staff staff;
    private final Clock clock;

    QuickReplySets(QuickReplies replies, CenterDirectory centers, Staff staff, Clock clock) {
        this.replies = replies;
        this.centers = centers;
        this.staff = staff;
        this.clock = clock;
    }

    /** The center a user works on: their own, or for headquarters the one asked for (or the first partner center). */
    Center centerFor(CurrentUser user, @Nullable Long center) {
        return centers.chooseFor(user, center);
    }

    List<Listed> readable(CurrentUser user, Center center, @Nullable String text) {
        return readable(user, center, text, null);
    }

    /**
     * @param language only the replies in this language: a chat is offered the replies in the
     *     language its customer writes in (a Korean chat the Korean ones, an English chat the English)
     * @throws RequestRejected {@code quick-reply-unknown-language} for a language replies cannot have
     */
    List<Listed> readable(CurrentUser user, Center center, @Nullable String text, @Nullable String language) {
        if (language != null && !Languages.isSupported(language)) {
            throw RequestRejected.badRequest("quick-reply-unknown-language", language);
        }
        var reader = new QuickReplies.Reader(center.id(), teamOf(user), oversees(user), user.id());
        String wanted =
                language == null ? null : Languages.supportedOrDefault(language).getLanguage();
        return replies.readBy(reader, text, wanted).stream()
                .map(reply -> listed(user, reply))
                .toList();
    }

    /** The sets this user may add to in their center, in the order a form offers them. */
    Set<QuickReplyScope> writableScopes(CurrentUser user) {
        Set<QuickReplyScope> scopes = EnumSet.noneOf(QuickReplyScope.class);
        if (user.hasAny(Role.AGENT, Role.SUPERVISOR)) {
            scopes.add(QuickReplyScope.PERSONAL);
        }
        if (user.has(Role.SUPERVISOR) && teamOf(user) != null) {
            scopes.add(QuickReplyScope.TEAM);
        }
        if (user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR)) {
            scopes.add(QuickReplyScope.CENTER);
        }
        return scopes;
    }

    Listed get(CurrentUser user, long id) {
        return listed(user, readable(user, id));
    }

    Listed add(CurrentUser user, @Nullable Long center, Draft draft, Locale locale) {
        Center chosen = centerFor(user, center);
        QuickReplyScope scope = draft.scope() == null ? QuickReplyScope.PERSONAL : draft.scope();
        if (!writableScopes(user).contains(scope) || !writesIn(user, scope, chosen.id())) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "quick-reply-set-not-yours");
        }
        Checked checked = checked(draft, locale);
        String team = scope == QuickReplyScope.TEAM ? teamOf(user) : null;
        Long owner = scope == QuickReplyScope.PERSONAL ? user.id() : null;
        long id = titled(
                checked.title(),
                () -> replies.add(
                        chosen.id(),
                        scope,
                        team,
                        owner,
                        checked.title(),
                        checked.body(),
                        checked.language(),
                        user.username(),
                        clock.instant()));
        return get(user, id);
    }

    Listed change(CurrentUser user, long id, Draft draft, Locale locale) {
        writable(user, id);
        Checked checked = checked(draft, locale);
        titled(checked.title(), () -> {
            replies.change(id, checked.title(), checked.body(), checked.language(), user.username(), clock.instant());
            return id;
        });
        return get(user, id);
    }

    void remove(CurrentUser user, long id) {
        replies.remove(writable(user, id).id());
    }

    private record Checked(String title, String body, String language) {}

    private static Checked checked(Draft draft, Locale locale) {
        String title = Objects.requireNonNullElse(draft.title(), "").strip();
        String body = Objects.requireNonNullElse(draft.body(), "").strip();
        if (title.isEmpty()) {
            throw RequestRejected.badRequest("quick-reply-title-required");
        }
        if (title.length() > LONGEST_TITLE) {
            throw RequestRejected.badRequest("quick-reply-title-too-long", LONGEST_TITLE);
        }
        if (body.isEmpty()) {
            throw RequestRejected.badRequest("quick-reply-body-required");
        }
        if (body.length() > LONGEST_BODY) {
            throw RequestRejected.badRequest("quick-reply-body-too-long", LONGEST_BODY, body.length());
        }
        QuickReplyVariables.firstUnknownIn(body).ifPresent(name -> {
            throw RequestRejected.badRequest(
                    "quick-reply-unknown-variable", "{" + name + "}", QuickReplyVariables.written());
        });
        String asked = Objects.requireNonNullElse(draft.language(), "").strip();
        String language = asked.isEmpty()
                ? Languages.supportedOrDefault(locale.getLanguage()).getLanguage()
                : asked;
        if (!Languages.isSupported(language)) {
            throw RequestRejected.badRequest("quick-reply-unknown-language", language);
        }
        return new Checked(title, body, Languages.supportedOrDefault(language).getLanguage());
    }

    private interface Write {
        long run();
    }

    private static long titled(String title, Write write) {
        try {
            return write.run();
        } catch (DuplicateKeyException taken) {
            throw RequestRejected.conflict("quick-reply-title-taken", title);
        }
    }

    private QuickReply readable(CurrentUser user, long id) {
        return replies.find(id)
                .filter(reply -> reads(user, reply))
                .orElseThrow(() -> RequestRejected.notFound("unknown-quick-reply", id));
    }

    private QuickReply writable(CurrentUser user, long id) {
        QuickReply reply = readable(user, id);
        if (!writes(user, reply)) {
            throw new RequestRejected(HttpStatus.FORBIDDEN, "quick-reply-set-not-yours");
        }
        return reply;
    }

    private Listed listed(CurrentUser user, QuickReply reply) {
        return new Listed(
                reply.id(),
                reply.centerId(),
                reply.scope(),
                reply.team(),
                reply.title(),
                reply.body(),
                reply.language(),
                reply.createdBy(),
                reply.createdAt(),
                reply.updatedBy(),
                reply.updatedAt(),
                writes(user, reply));
    }

    private boolean reads(CurrentUser user, QuickReply reply) {
        if (!user.canSee(reply.centerId())) {
            return false;
        }
        return switch (reply.scope()) {
            case CENTER -> true;
            case TEAM -> oversees(user) || (reply.team() != null && Objects.equals(reply.team(), teamOf(user)));
            case PERSONAL -> Objects.equals(reply.ownerId(), user.id());
        };
    }

    private boolean writes(CurrentUser user, QuickReply reply) {
        return reads(user, reply)
                && writableScopes(user).contains(reply.scope())
                && writesIn(user, reply.scope(), reply.centerId())
                && (reply.scope() != QuickReplyScope.TEAM || Objects.equals(reply.team(), teamOf(user)));
    }

    /** A center's set is its own manager's (an administrator's anywhere); the others stay in the writer's own center. */
    private static boolean writesIn(CurrentUser user, QuickReplyScope scope, long centerId) {
        if (scope == QuickReplyScope.CENTER && user.has(Role.ADMINISTRATOR)) {
            return user.canSee(centerId);
        }
        return centerId == user.centerId();
    }

    private static boolean oversees(CurrentUser user) {
        return user.hasAny(Role.CENTER_MANAGER, Role.ADMINISTRATOR);
    }

    private @Nullable String teamOf(CurrentUser user) {
        return staff.find(user.id()).map(StaffMember::team).orElse(null);
    }
}
