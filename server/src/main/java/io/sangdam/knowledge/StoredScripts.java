package io.sangdam.knowledge;

import io.sangdam.knowledge.ScriptGraph.Step;
import io.sangdam.knowledge.ScriptGraph.StepChoice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scripts and their versions (tables {@code knowledge.script*}); who may see which is {@link Scripts}'. */
@Repository
class StoredScripts {

    /** A script as stored, with the title of its newest version. */
    record Stored(
            long id,
            long centerId,
            String title,
            int latestVersion,
            @Nullable Integer publishedVersion,
            boolean archived,
            String updatedBy,
            Instant updatedAt) {}

    /** A version's own facts besides its graph. */
    record Written(String createdBy, Instant createdAt) {}

    private static final String LISTED = """
        select s.*, v.title from knowledge.script s
        join knowledge.script_version v on v.script_id = s.id and v.version = s.latest_version
        """;

    private final JdbcClient jdbc;

    StoredScripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(LISTED + " where s.id = ?")
                .param(id)
                .query(StoredScripts::read)
                .optional();
    }

    /** The scripts of these centers, by title. */
    List<Stored> inCenters(Collection<Long> centers) {
        if (centers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LISTED + " where s.center_id in (:centers) order by lower(v.title), s.id")
                .param("centers", centers)
                .query(StoredScripts::read)
                .list();
    }

    long add(long centerId, ScriptGraph graph, String by, Instant at) {
        long id = jdbc.sql("""
            insert into knowledge.script (center_id, latest_version, created_by, created_at, updated_by, updated_at)
            values (?, 1, ?, ?, ?, ?) returning id\
            """)
                .params(centerId, by, Timestamp.from(at), by, Timestamp.from(at))
                .query(Long.class)
                .single();
        addVersion(id, 1, graph, by, at);
        return id;
    }

    /**
     * Writes the next version; the row lock on the script makes two editors saving at once number
     * theirs one after the other instead of both claiming the same number.
     */
    int change(long id, ScriptGraph graph, String by, Instant at) {
        int version = jdbc.sql("""
            update knowledge.script set latest_version = latest_version + 1, updated_by = ?, updated_at = ?
            where id = ? returning latest_version\
            """)
                .params(by, Timestamp.from(at), id)
                .query(Integer.class)
                .single();
        addVersion(id, version, graph, by, at);
        return version;
    }

    void publish(long id, int version, String by, Instant at) {
        jdbc.sql("update knowledge.script set published_version = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(version, by, Timestamp.from(at), id)
                .update();
    }

    void archive(long id, String by, Instant at) {
        jdbc.sql("update knowledge.script set archived = true, updated_by = ?, updated_at = ? where id = ?")
                .params(by, Timestamp.from(at), id)
                .update();
    }

    Optional<Written> written(long id, int version) {
        return jdbc.sql("select created_by, created_at from knowledge.script_version where script_id = ? and version ="
                        + " ?")
                .params(id, version)
                .query((row, n) -> new Written(
                        row.getString("created_by"),
                        row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    Optional<ScriptGraph> graph(long id, int version) {
        record Head(String title, String description, String start) {}
        Optional<Head> head = jdbc.sql(
                        "select title, description, start_step from knowledge.script_version where script_id = ? and"
                                + " version = ?")
                .params(id, version)
                .query((row, n) -> new Head(row.getString(1), row.getString(2), row.getString(3)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<StepChoice>> choices = new LinkedHashMap<>();
        jdbc.sql("""
            select step_key, label, next_step from knowledge.script_choice
            where script_id = ? and version = ? order by step_key, position\
            """).params(id, version).query(row -> {
            choices.computeIfAbsent(row.getString(1), key -> new ArrayList<>())
                    .add(new StepChoice(row.getString(2), row.getString(3)));
        });
        List<Step> steps = jdbc.sql("""
            select step_key, kind, title, body from knowledge.script_step
            where script_id = ? and version = ? order by position\
            """)
                .params(id, version)
                .query((row, n) -> new Step(
                        row.getString(1),
                        ScriptStepKind.valueOf(row.getString(2)),
                        row.getString(3),
                        row.getString(4),
                        choices.getOrDefault(row.getString(1), List.of())))
                .list();
        return Optional.of(new ScriptGraph(
                head.get().title(), head.get().description(), head.get().start(), steps));
    }

    private void addVersion(long id, int version, ScriptGraph graph, String by, Instant at) {
        jdbc.sql("""
            insert into knowledge.script_version (script_id, version, title, description, start_step, created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?)\
            """)
                .params(id, version, graph.title(), graph.description(), graph.start(), by, Timestamp.from(at))
                .update();
        int position = 0;
        for (Step step : graph.steps()) {
            jdbc.sql("""
                insert into knowledge.script_step (script_id, version, step_key, position, kind, title, body)
                values (?, ?, ?, ?, ?, ?, ?)\
                """)
                    .params(id, version, step.key(), position++, step.kind().name(), step.title(), step.text())
                    .update();
        }
        // After every step: a choice may lead to a step listed after its own.
        for (Step step : graph.steps()) {
            int choice = 0;
            for (StepChoice each : step.choices()) {
                jdbc.sql("""
                    insert into knowledge.script_choice (script_id, version, step_key, position, label, next_step)
                    values (?, ?, ?, ?, ?, ?)\
                    """)
                        .params(id, version, step.key(), choice++, each.label(), each.next())
                        .update();
            }
        }
    }

    private static Stored read(ResultSet row, int n) throws SQLException {
        return new Stored(
                row.getLong("id"),
                row.getLong("center_id"),
                row.getString("title"),
                row.getInt("latest_version"),
                row.getObject("published_version", Integer.class),
                row.getBoolean("archived"),
                row.getString("updated_by"),
                row.getTimestamp("updated_at").toInstant());
    }
}
