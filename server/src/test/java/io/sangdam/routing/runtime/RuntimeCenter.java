package io.sangdam.routing.runtime;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A center of a test's own, with one chat queue ({@value #QUEUE}, skill {@value #SKILL}, no wrap-up),
 * routed by this node: no other test sends it commands, so what its engine holds is the test's.
 */
record RuntimeCenter(long id, String code) {

    static final String QUEUE = "RUNTIME";
    static final String SKILL = "BILLING";

    static RuntimeCenter create(JdbcClient jdbc, RoutingHost host) {
        String code = "RT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        long center = jdbc.sql("insert into identity.center (code, name, kind, time_zone) values (?, ?, 'PARTNER',"
                        + " 'Asia/Seoul') returning id")
                .params(code, "런타임 시험 " + code)
                .query(Long.class)
                .single();
        long queue = jdbc.sql(
                        "insert into routing.queue (center_id, code, name, channel, required_skill, wrap_up_seconds)"
                                + " values (?, ?, ?, 'CHAT', ?, 0) returning id")
                .params(center, QUEUE, "런타임", SKILL)
                .query(Long.class)
                .single();
        jdbc.sql("insert into routing.queue_skill (queue_id, skill_code, minimum_level) values (?, ?, 1)")
                .params(queue, SKILL)
                .update();
        host.routeIfNew(center);
        return new RuntimeCenter(center, code);
    }

    /**
     * An agent account of the center holding one skill at level 5, with the username {@code
     * <name>.<center code>}: a checkpoint carries over only agents whose account is there.
     */
    String agent(JdbcClient jdbc, String name, String skill) {
        String username = (name + "." + code).toLowerCase(java.util.Locale.ROOT);
        long account = jdbc.sql("insert into identity.account (username, display_name, password_hash, center_id,"
                        + " password_changed_at, created_at) values (?, ?, '{noop}unused', ?, now(), now())"
                        + " returning id")
                .params(username, username, id)
                .query(Long.class)
                .single();
        jdbc.sql("insert into identity.account_role (account_id, role) values (?, 'AGENT')")
                .param(account)
                .update();
        jdbc.sql("insert into routing.agent_skill (agent_id, skill_id, level) select ?, id, 5 from routing.skill where"
                        + " code = ?")
                .params(account, skill)
                .update();
        return username;
    }
}
