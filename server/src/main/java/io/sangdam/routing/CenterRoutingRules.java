package io.sangdam.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A center's not-ready reasons, chat capacities and wrap-up rule. */
@Repository
class CenterRoutingRules {

    /** The reasons every center starts with; the center edits its own copy. */
    static final List<NotReadyReason> DEFAULT_REASONS = List.of(
            new NotReadyReason(0, "휴식", "Break", true), new NotReadyReason(0, "식사", "Meal", true),
            new NotReadyReason(0, "교육", "Training", true), new NotReadyReason(0, "회의", "Meeting", true),
            new NotReadyReason(0, "코칭", "Coaching", true), new NotReadyReason(0, "후처리 업무", "After-call work", true));

    private final JdbcClient jdbc;

    CenterRoutingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NotReadyReason> reasons(long centerId) {
        if (jdbc.sql("select count(*) from routing.not_ready_reason where center_id = ?")
                        .param(centerId)
                        .query(Long.class)
                        .single()
                == 0) {
            for (NotReadyReason reason : DEFAULT_REASONS) {
                jdbc.sql("insert into routing.not_ready_reason (center_id, name_ko, name_en) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(centerId, reason.nameKorean(), reason.nameEnglish())
                        .update();
            }
        }
        return jdbc.sql("select * from routing.not_ready_reason where center_id = ? order by id")
                .param(centerId)
                .query((row, n) -> new NotReadyReason(
                        row.getLong("id"),
                        row.getString("name_ko"),
                        row.getString("name_en"),
                        row.getBoolean("active")))
                .list();
    }

    void addReason(long centerId, String nameKorean, String nameEnglish) {
        jdbc.sql("insert into routing.not_ready_reason (center_id, name_ko, name_en) values (?, ?, ?)")
                .params(centerId, nameKorean, nameEnglish)
                .update();
    }

    int setReasonActive(long centerId, long id, boolean active) {
        return jdbc.sql("update routing.not_ready_reason set active = ? where id = ? and center_id = ?")
                .params(active, id, centerId)
                .update();
    }

    int centerCapacity(long centerId) {
        return jdbc.sql("select chat_capacity from routing.center_routing where center_id = ?")
                .param(centerId)
                .query(Integer.class)
                .optional()
                .orElse(Routing.DEFAULT_CHAT_CAPACITY);
    }

    void setCenterCapacity(long centerId, int capacity) {
        jdbc.sql("""
            insert into routing.center_routing (center_id, chat_capacity) values (?, ?)
            on conflict (center_id) do update set chat_capacity = excluded.chat_capacity\
            """).params(centerId, capacity).update();
    }

    WrapUpRule wrapUpRule(long centerId) {
        return jdbc.sql("select wrap_up_rule from routing.center_routing where center_id = ?")
                .param(centerId)
                .query(String.class)
                .optional()
                .map(WrapUpRule::valueOf)
                .orElse(WrapUpRule.DEFAULT);
    }

    /** A center without a row gets one with the default capacity, which is what it had. */
    void setWrapUpRule(long centerId, WrapUpRule rule) {
        jdbc.sql("""
            insert into routing.center_routing (center_id, chat_capacity, wrap_up_rule) values (?, ?, ?)
            on conflict (center_id) do update set wrap_up_rule = excluded.wrap_up_rule\
            """)
                .params(centerId, Routing.DEFAULT_CHAT_CAPACITY, rule.name())
                .update();
    }

    Optional<Integer> agentCapacity(long agentId) {
        return jdbc.sql("select chat_capacity from routing.agent_capacity where agent_id = ?")
                .param(agentId)
                .query(Integer.class)
                .optional();
    }

    Map<Long, Integer> agentCapacities(Collection<Long> agentIds) {
        Map<Long, Integer> capacities = new HashMap<>();
        if (!agentIds.isEmpty()) {
            jdbc.sql("select agent_id, chat_capacity from routing.agent_capacity where agent_id in (:ids)")
                    .param("ids", agentIds)
                    .query(rs -> {
                        capacities.put(rs.getLong("agent_id"), rs.getInt("chat_capacity"));
                    });
        }
        return capacities;
    }

    /** An agent's own capacity, or null to follow the center's default. */
    void setAgentCapacity(long agentId, @Nullable Integer capacity) {
        if (capacity == null) {
            jdbc.sql("delete from routing.agent_capacity where agent_id = ?")
                    .param(agentId)
                    .update();
            return;
        }
        jdbc.sql("""
            insert into routing.agent_capacity (agent_id, chat_capacity) values (?, ?)
            on conflict (agent_id) do update set chat_capacity = excluded.chat_capacity\
            """).params(agentId, capacity).update();
    }
}
