package io.sangdam.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Skills {

    private final JdbcClient jdbc;

    Skills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Skill> all() {
        return jdbc.sql("select * from routing.skill order by id")
                .query(Skills::map)
                .list();
    }

    java.util.Optional<Skill> find(String code) {
        return jdbc.sql("select * from routing.skill where code = ?")
                .param(code)
                .query(Skills::map)
                .optional();
    }

    void rename(String code, String nameKorean, String nameEnglish, boolean active) {
        jdbc.sql("update routing.skill set name_ko = ?, name_en = ?, active = ? where code = ?")
                .params(nameKorean, nameEnglish, active, code)
                .update();
    }

    /** Replaces all skills of an agent with these levels (skill id to level). */
    void replace(long agentId, java.util.Map<Long, Integer> levels) {
        jdbc.sql("delete from routing.agent_skill where agent_id = ?")
                .param(agentId)
                .update();
        levels.forEach((skill, level) -> grant(agentId, skill, level));
    }

    long add(String code, String nameKorean, String nameEnglish) {
        return jdbc.sql("insert into routing.skill (code, name_ko, name_en) values (?, ?, ?) returning id")
                .params(code, nameKorean, nameEnglish)
                .query(Long.class)
                .single();
    }

    void grant(long agentId, long skillId, int level) {
        jdbc.sql("""
            insert into routing.agent_skill (agent_id, skill_id, level) values (?, ?, ?)
            on conflict (agent_id, skill_id) do update set level = excluded.level\
            """).params(agentId, skillId, level).update();
    }

    List<AgentSkill> ofAgent(long agentId) {
        return jdbc.sql("""
            select a.agent_id, a.level, s.* from routing.agent_skill a join routing.skill s on s.id = a.skill_id
             where a.agent_id = ? order by a.level desc, s.id\
            """).param(agentId).query(Skills::mapAgentSkill).list();
    }

    List<AgentSkill> ofAgents(Collection<Long> agentIds) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
            select a.agent_id, a.level, s.* from routing.agent_skill a join routing.skill s on s.id = a.skill_id
             where a.agent_id in (:agents) order by s.id, a.level desc\
            """)
                .param("agents", agentIds)
                .query(Skills::mapAgentSkill)
                .list();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from routing.skill").query(Long.class).single() == 0;
    }

    private static Skill map(ResultSet row, int number) throws SQLException {
        return new Skill(
                row.getLong("id"),
                row.getString("code"),
                row.getString("name_ko"),
                row.getString("name_en"),
                row.getBoolean("active"));
    }

    private static AgentSkill mapAgentSkill(ResultSet row, int number) throws SQLException {
        return new AgentSkill(row.getLong("agent_id"), map(row, number), row.getInt("level"));
    }
}
