package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.RoutedContact;
import io.sangdam.routing.Routing;
import io.sangdam.routing.RoutingEngineRebuilt;
import io.sangdam.routing.RoutingState;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a crash the routing engine is rebuilt from its log, but the chats' own states may lag
 * behind it (an offer that expired during the replay, a listener's write lost with the node): the
 * rebuild sets them from the engine. A chat stored but never routed is ended by a sweep. Center 5 is 부산센터.
 */
@RunningServer
class ChatRecoveryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Routing routing;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Chats chats;

    @Test
    void aRebuildSetsChatsToTheEnginesStateAndEndsOldChatsItNeverRouted() {
        var started = ApiClient.on(port)
                .post(
                        "/chat/api/conversations",
                        "{\"center\": 5, \"topic\": \"RETENTION\"}",
                        "application/json",
                        null,
                        null,
                        "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String routed = started.json().get("conversation").asString();
        // What a lost listener write leaves: the chat says an agent who never had it is talking.
        jdbc.sql("update channel.conversation set status = 'CONNECTED', agent_username = 'nobody' where id = ?")
                .param(routed)
                .update();
        String oldOrphan = chat(Instant.now().minus(10, ChronoUnit.MINUTES));
        String youngOrphan = chat(Instant.now());

        RoutingState snapshot = routing.snapshot(CenterId.of(5));
        events.publishEvent(new RoutingEngineRebuilt(CenterId.of(5), snapshot));

        var inEngine = snapshot.contacts().stream()
                .filter(c -> c.id().value().equals(routed))
                .findFirst()
                .orElseThrow();
        String expected = switch (inEngine.status()) {
            case WAITING -> "WAITING";
            case OFFERED -> "OFFERED";
            case ASSIGNED -> "CONNECTED";
        };
        assertThat(status(routed)).containsEntry("status", expected);
        assertThat(status(routed).get("agent_username"))
                .isEqualTo(inEngine.agent() == null ? null : inEngine.agent().value());
        assertThat(status(oldOrphan)).containsEntry("status", "ENDED");
        assertThat(status(youngOrphan))
                .as("may still be on its way into routing")
                .containsEntry("status", "WAITING");

        routing.end(CenterId.of(5), RoutedContact.of(routed), false);
    }

    @Test
    void theMinutelySweepEndsOldChatsThatNeverReachedRoutingAndLeavesTheOthers() {
        var started = ApiClient.on(port)
                .post(
                        "/chat/api/conversations",
                        "{\"center\": 5, \"topic\": \"BILLING\"}",
                        "application/json",
                        null,
                        null,
                        "ko");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String routed = started.json().get("conversation").asString();
        // Routed, and old by the time the sweep looks: it stays, the engine has it.
        jdbc.sql("update channel.conversation set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)), routed)
                .update();
        String oldOrphan = chat(Instant.now().minus(10, ChronoUnit.MINUTES));
        String youngOrphan = chat(Instant.now());

        chats.endOrphans();

        assertThat(status(oldOrphan)).containsEntry("status", "ENDED");
        assertThat(status(youngOrphan))
                .as("may still be on its way into routing")
                .containsEntry("status", "WAITING");
        assertThat(status(routed).get("status")).isNotEqualTo("ENDED");

        routing.end(CenterId.of(5), RoutedContact.of(routed), false);
        jdbc.sql("update channel.conversation set status = 'ENDED' where id = ?")
                .param(youngOrphan)
                .update();
    }

    private String chat(Instant createdAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
            insert into channel.conversation (id, center_id, queue_code, token_hash, status, created_at)
            values (?, 5, 'RETENTION', 'not-a-token', 'WAITING', ?)\
            """).params(id, Timestamp.from(createdAt)).update();
        return id;
    }

    private Map<String, Object> status(String id) {
        return jdbc.sql("select status, agent_username from channel.conversation where id = ?")
                .param(id)
                .query()
                .singleRow();
    }
}
