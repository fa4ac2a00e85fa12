package io.sangdam.routing;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoutingQueues {

    private final JdbcClient jdbc;

    RoutingQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QueueSettings> of(long centerId) {
        return jdbc.sql("select * from routing.queue where center_id = ? order by code").param(centerId)
                .query((row, n) -> new QueueSettings(row.getLong("id"), row.getLong("center_id"), row.getString("code"),
                        row.getString("name"), row.getString("channel"), row.getString("required_skill"),
                        row.getInt("minimum_level"), row.getInt("priority"), row.getDouble("service_level_percent"),
                        row.getInt("service_level_seconds"), row.getString("strategy"), row.getInt("wrap_up_seconds")))
                .list();
    }

    List<Long> centersWithQueues() {
        return jdbc.sql("select distinct center_id from routing.queue order by 1").query(Long.class).list();
    }

    void add(long centerId, String code, String name, String channel, String requiredSkill, int minimumLevel,
            int wrapUpSeconds) {
        jdbc.sql("""
                insert into routing.queue (center_id, code, name, channel, required_skill, minimum_level, wrap_up_seconds)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(centerId, code, name, channel, requiredSkill, minimumLevel, wrapUpSeconds).update();
    }

    java.util.Optional<QueueSettings> find(long id) {
        return jdbc.sql("select * from routing.queue where id = ?").param(id)
                .query((row, n) -> new QueueSettings(row.getLong("id"), row.getLong("center_id"), row.getString("code"),
                        row.getString("name"), row.getString("channel"), row.getString("required_skill"),
                        row.getInt("minimum_level"), row.getInt("priority"), row.getDouble("service_level_percent"),
                        row.getInt("service_level_seconds"), row.getString("strategy"), row.getInt("wrap_up_seconds")))
                .optional();
    }

    void update(long id, String name, String requiredSkill, int minimumLevel, int priority, double serviceLevelPercent,
            int serviceLevelSeconds, String strategy, int wrapUpSeconds) {
        jdbc.sql("""
                update routing.queue set name = ?, required_skill = ?, minimum_level = ?, priority = ?,
                       service_level_percent = ?, service_level_seconds = ?, strategy = ?, wrap_up_seconds = ?
                 where id = ?""")
                .params(name, requiredSkill, minimumLevel, priority, serviceLevelPercent, serviceLevelSeconds, strategy,
                        wrapUpSeconds, id).update();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from routing.queue").query(Long.class).single() == 0;
    }
}
