package io.sangdam.knowledge;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An article as readers and editors see it: its state, its newest version (what an editor works
 * on) and the version in force (what agents, the bot and the index read).
 *
 * @param shared an article of the headquarters center, read by every center and edited only there
 * @param published the version in force, null until the first publication
 * @param expired the version in force (the newest while none is) is past its effective-to date
 * @param reviewComment the reviewer's comment when the newest version was sent back
 */
public record Article(
        UUID id,
        @Nullable String externalId,
        long centerId,
        boolean shared,
        ArticleKind kind,
        ArticleStatus status,
        String owner,
        ArticleVersion latest,
        @Nullable ArticleVersion published,
        boolean expired,
        @Nullable String reviewComment,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant archivedAt,
        @Nullable String archivedBy) {

    /** The id callers see: the imported id when there is one. */
    public String answerId() {
        return externalId != null ? externalId : id.toString();
    }
}
