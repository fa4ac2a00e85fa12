package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each center's category tree, which its knowledge owners edit: names, parents and the order
 * among siblings. Paths such as {@code 요금/해지} name a category in imports and exports.
 */
@Service
public class Categories {

    static final int MAXIMUM_NAME = 100;
    static final int MAXIMUM_DEPTH = 6;

    private final JdbcClient jdbc;
    private final KnowledgeCenters centers;

    Categories(JdbcClient jdbc, KnowledgeCenters centers) {
        this.jdbc = jdbc;
        this.centers = centers;
    }

    /** A center's categories in tree order (parents before children, siblings by position and name). */
    public List<ArticleCategory> tree(CurrentUser user, long centerId) {
        if (!centers.mayRead(user, centerId)) {
            throw RequestRejected.notFound("unknown-center", centerId);
        }
        return tree(centerId);
    }

    List<ArticleCategory> tree(long centerId) {
        record Row(long id, @Nullable Long parentId, String name, int position) {}
        List<Row> rows = jdbc.sql("select id, parent_id, name, position from knowledge.category where center_id = ?")
                .param(centerId)
                .query((row, n) -> new Row(
                        row.getLong("id"),
                        nullableLong(row, "parent_id"),
                        row.getString("name"),
                        row.getInt("position")))
                .list();
        Map<@Nullable Long, List<Row>> children = new HashMap<>();
        for (Row row : rows) {
            children.computeIfAbsent(row.parentId(), key -> new ArrayList<>()).add(row);
        }
        List<ArticleCategory> ordered = new ArrayList<>();
        Comparator<Row> siblings = Comparator.comparingInt(Row::position).thenComparing(Row::name);
        // Depth first from the roots; an id seen twice would be a cycle, which update() prevents.
        record Pending(Row row, String parentPath) {}
        var stack = new ArrayList<Pending>();
        children.getOrDefault(null, List.of()).stream()
                .sorted(siblings.reversed())
                .forEach(row -> stack.add(new Pending(row, "")));
        while (!stack.isEmpty()) {
            Pending next = stack.removeLast();
            String path = next.parentPath().isEmpty()
                    ? next.row().name()
                    : next.parentPath() + "/" + next.row().name();
            ordered.add(new ArticleCategory(
                    next.row().id(),
                    centerId,
                    next.row().parentId(),
                    next.row().name(),
                    next.row().position(),
                    path));
            children.getOrDefault(next.row().id(), List.of()).stream()
                    .sorted(siblings.reversed())
                    .forEach(child -> stack.add(new Pending(child, path)));
        }
        return ordered;
    }

    /** Paths by category id, for every center given. */
    Map<Long, String> paths(Iterable<Long> centerIds) {
        Map<Long, String> paths = new HashMap<>();
        for (long centerId : centerIds) {
            tree(centerId).forEach(category -> paths.put(category.id(), category.path()));
        }
        return paths;
    }

    /**
     * @throws RequestRejected category-name-invalid, category-duplicate, unknown-knowledge-category (a parent
     *     of another center), category-too-deep
     */
    @Transactional
    public ArticleCategory add(
            CurrentUser user, long centerId, @Nullable String name, @Nullable Long parentId, int position) {
        centers.requireWrite(user, centerId, "unknown-center", centerId);
        String checked = name(name);
        if (parentId != null) {
            requireOfCenter(parentId, centerId);
        }
        long id = insert(centerId, parentId, checked, position);
        requireShallow(centerId, id);
        return require(centerId, id);
    }

    /** Renames or moves a category (with its children); a category cannot move below itself. */
    @Transactional
    public ArticleCategory update(
            CurrentUser user, long id, @Nullable String name, @Nullable Long parentId, int position) {
        long centerId = centerOf(id);
        centers.requireWrite(user, centerId, "unknown-knowledge-category", id);
        String checked = name(name);
        if (parentId != null) {
            requireOfCenter(parentId, centerId);
            Map<Long, ArticleCategory> byId = new HashMap<>();
            tree(centerId).forEach(category -> byId.put(category.id(), category));
            Long at = parentId;
            while (at != null) {
                if (at == id) {
                    throw RequestRejected.badRequest("category-cycle");
                }
                ArticleCategory above = byId.get(at);
                at = above == null ? null : above.parentId();
            }
        }
        try {
            jdbc.sql("update knowledge.category set name = ?, parent_id = ?, position = ? where id = ?")
                    .params(checked, parentId, position, id)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw RequestRejected.conflict("category-duplicate", checked);
        }
        requireShallow(centerId, id);
        return require(centerId, id);
    }

    /** Only an empty category goes: no children and no article version filed under it. */
    @Transactional
    public void delete(CurrentUser user, long id) {
        long centerId = centerOf(id);
        centers.requireWrite(user, centerId, "unknown-knowledge-category", id);
        boolean used = jdbc.sql("""
            select exists (select 1 from knowledge.category where parent_id = ?)
                or exists (select 1 from knowledge.article_version where category_id = ?)\
            """).params(id, id).query(Boolean.class).single();
        if (used) {
            throw RequestRejected.conflict("category-in-use");
        }
        jdbc.sql("delete from knowledge.category where id = ?").param(id).update();
    }

    /**
     * The category of this path in the center, created with its missing parents: how an import
     * names categories.
     *
     * @throws RequestRejected category-path-invalid
     */
    long ensurePath(long centerId, String path) {
        String[] names = path.split("/", -1);
        if (names.length > MAXIMUM_DEPTH) {
            throw RequestRejected.badRequest("category-path-invalid", path);
        }
        Long parent = null;
        for (String raw : names) {
            String name;
            try {
                name = name(raw);
            } catch (RequestRejected invalid) {
                throw RequestRejected.badRequest("category-path-invalid", path);
            }
            Long found = find(centerId, parent, name);
            if (found == null) {
                // Two imports may create the same category at once: the loser reads the winner's.
                jdbc.sql("insert into knowledge.category (center_id, parent_id, name) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(centerId, parent, name)
                        .update();
                found = Objects.requireNonNull(find(centerId, parent, name));
            }
            parent = found;
        }
        return Objects.requireNonNull(parent);
    }

    /** @throws RequestRejected unknown-knowledge-category when the id is not one of this center's */
    void requireOfCenter(long categoryId, long centerId) {
        boolean ours = jdbc.sql("select exists (select 1 from knowledge.category where id = ? and center_id = ?)")
                .params(categoryId, centerId)
                .query(Boolean.class)
                .single();
        if (!ours) {
            throw RequestRejected.notFound("unknown-knowledge-category", categoryId);
        }
    }

    private @Nullable Long find(long centerId, @Nullable Long parent, String name) {
        return jdbc.sql("select id from knowledge.category where center_id = ? and coalesce(parent_id, 0) = ? and name"
                        + " = ?")
                .params(centerId, parent == null ? 0L : parent, name)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long insert(long centerId, @Nullable Long parentId, String name, int position) {
        try {
            return jdbc.sql("insert into knowledge.category (center_id, parent_id, name, position) values (?, ?, ?, ?)"
                            + " returning id")
                    .params(centerId, parentId, name, position)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException taken) {
            throw RequestRejected.conflict("category-duplicate", name);
        }
    }

    private void requireShallow(long centerId, long id) {
        if (require(centerId, id).depth() >= MAXIMUM_DEPTH) {
            throw RequestRejected.badRequest("category-too-deep", MAXIMUM_DEPTH);
        }
    }

    private long centerOf(long id) {
        return jdbc.sql("select center_id from knowledge.category where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> RequestRejected.notFound("unknown-knowledge-category", id));
    }

    private ArticleCategory require(long centerId, long id) {
        return tree(centerId).stream()
                .filter(category -> category.id() == id)
                .findFirst()
                .orElseThrow(() -> RequestRejected.notFound("unknown-knowledge-category", id));
    }

    private static String name(@Nullable String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()
                || stripped.length() > MAXIMUM_NAME
                || stripped.contains("/")
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejected.badRequest("category-name-invalid", MAXIMUM_NAME);
        }
        return stripped;
    }

    private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
