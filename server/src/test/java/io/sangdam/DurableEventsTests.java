package io.sangdam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer.ApiClient;
import io.sangdam.contact.ConsultationRecorded;
import io.sangdam.contact.ConsultationRecords;
import io.sangdam.contact.Disposition;
import io.sangdam.platform.EventRetries;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable module events (docs/adr/0015): contact's {@link ConsultationRecorded} is stored with the
 * record, and reporting's fact listener gets it even when its first run dies. The listener is
 * killed by the database itself: a trigger, made for the test and dropped after it, makes the
 * first insert of the test's fact fail, so the listener's transaction rolls back as it would when
 * the node lost its connection mid-way. Every record here has a contact id of its own.
 */
@RunningServer
class DurableEventsTests {

    private static final String RECORDED = ConsultationRecorded.class.getName();

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationRecords records;

    @Autowired
    EventRetries retries;

    @Test
    void aFactWhoseListenerDiedIsWrittenOnceWhenANodeStartsAgain() {
        String contact = "durable-restart-" + System.nanoTime();
        String trigger = killFirstFactOf(contact);
        @Nullable ConfigurableApplicationContext restarted = null;
        try {
            long consultation = record(contact);
            TwoNodes.waitFor(
                    "the fact listener to fail",
                    () -> publicationOf(contact)
                            .filter(status -> status.equals("FAILED"))
                            .isPresent());
            assertThat(facts(consultation)).as("rolled back with the listener").isZero();

            // What a node does when it starts after a crash: hand outstanding publications over again.
            restarted = TwoNodes.nodeBeside(context, "node-restarted");

            TwoNodes.waitFor("the fact to be written", () -> facts(consultation) == 1);
            TwoNodes.waitFor(
                    "the publication to be completed and deleted",
                    () -> publicationOf(contact).isEmpty());
            assertThat(facts(consultation)).isEqualTo(1);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            dropTrigger(trigger);
        }
    }

    @Test
    void aFailedPublicationIsHandedOverAgainWhileTheNodeRuns() {
        String contact = "durable-retry-" + System.nanoTime();
        String trigger = killFirstFactOf(contact);
        try {
            long consultation = record(contact);
            TwoNodes.waitFor(
                    "the fact listener to fail",
                    () -> publicationOf(contact)
                            .filter(status -> status.equals("FAILED"))
                            .isPresent());
            assertThat(facts(consultation)).isZero();

            retries.retryFailedBefore(Duration.ZERO);

            TwoNodes.waitFor("the fact to be written", () -> facts(consultation) == 1);
            TwoNodes.waitFor(
                    "the publication to be completed and deleted",
                    () -> publicationOf(contact).isEmpty());
        } finally {
            dropTrigger(trigger);
        }
    }

    /**
     * Routing's decisions go to listeners that run inside the routing commit (chat state, the live
     * board): no registry row may be written for them, or every decision on the chat path would cost
     * an insert and a delete. A record's event is stored, once per durable listener.
     */
    @Test
    void theChatPathStoresNoPublicationsOfRoutingEventsButARecordsEventIsStored() {
        String suffix = Long.toString(System.nanoTime());
        jdbc.sql("create table platform.seen_" + suffix + " (event_type text not null)")
                .update();
        jdbc.sql("create function platform.see_" + suffix + "() returns trigger language plpgsql as $$ begin"
                        + " insert into platform.seen_" + suffix + " values (new.event_type); return new; end $$")
                .update();
        jdbc.sql("create trigger see_" + suffix + " after insert on platform.event_publication for each row"
                        + " execute function platform.see_" + suffix + "()")
                .update();
        try {
            var client = ApiClient.on(port);
            var started = client.post(
                    "/chat/api/conversations",
                    "{\"center\": 5, \"topic\": \"RETENTION\"}",
                    "application/json",
                    null,
                    null,
                    "ko");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String chat = started.json().get("conversation").asString();
            String token = started.json().get("token").asString();
            var ended = client.post(
                    "/chat/api/conversations/" + chat + "/end?token=" + token,
                    "",
                    "application/json",
                    null,
                    null,
                    "ko");
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            long consultation = record("durable-seen-" + suffix);
            TwoNodes.waitFor("the fact to be written", () -> facts(consultation) == 1);

            List<String> stored = jdbc.sql("select event_type from platform.seen_" + suffix)
                    .query(String.class)
                    .list();
            assertThat(stored).noneMatch(type -> type.startsWith("io.sangdam.routing."));
            assertThat(stored).contains(RECORDED);

            // The fact is what the board's day count is made of (부산센터's supervisor, in its time zone).
            var counts = TwoNodes.Session.signedIn(port, "bs.supervisor").get("/board/api/consultations?center=5");
            assertThat(counts.statusCode()).as(counts.body()).isEqualTo(200);
            long category = firstCategory();
            assertThat(JsonMapper.builder().build().readTree(counts.body()).valueStream())
                    .anyMatch(count -> count.get("channel").asString().equals("CHAT")
                            && count.get("queue").asString().equals("RETENTION")
                            && count.get("categoryId").asLong() == category
                            && count.get("disposition").asString().equals("RESOLVED")
                            && count.get("records").asLong() >= 1);
        } finally {
            jdbc.sql("drop trigger see_" + suffix + " on platform.event_publication")
                    .update();
            jdbc.sql("drop function platform.see_" + suffix + "()").update();
            jdbc.sql("drop table platform.seen_" + suffix).update();
        }
    }

    private long firstCategory() {
        return jdbc.sql("select id from contact.category where level = 3 and active order by id limit 1")
                .query(Long.class)
                .single();
    }

    private long record(String contact) {
        long category = firstCategory();
        return records.save(new ConsultationRecords.NewConsultation(
                contact,
                5,
                "CHAT",
                "RETENTION",
                "durable.agent",
                null,
                null,
                category,
                Disposition.RESOLVED,
                false,
                null,
                List.of()));
    }

    /** The first insert of the contact's fact fails; later ones pass (a sequence is not rolled back). */
    private String killFirstFactOf(String contact) {
        String name = contact.replace('-', '_');
        jdbc.sql("create sequence reporting.attempts_" + name).update();
        jdbc.sql("create function reporting.kill_" + name + "() returns trigger language plpgsql as $$ begin"
                        + " if new.contact_id = '" + contact + "' and nextval('reporting.attempts_" + name
                        + "') = 1 then raise exception 'listener killed mid-way'; end if; return new; end $$")
                .update();
        jdbc.sql("create trigger kill_" + name + " before insert on reporting.consultation_fact for each row"
                        + " execute function reporting.kill_" + name + "()")
                .update();
        return name;
    }

    private void dropTrigger(String name) {
        jdbc.sql("drop trigger kill_" + name + " on reporting.consultation_fact")
                .update();
        jdbc.sql("drop function reporting.kill_" + name + "()").update();
        jdbc.sql("drop sequence reporting.attempts_" + name).update();
    }

    private Optional<String> publicationOf(String contact) {
        // reporting's listener: other modules hear the same event (knowledge ties script runs to it)
        return jdbc.sql("select coalesce(status, 'NONE') from platform.event_publication where event_type = ? and"
                        + " serialized_event like ? and listener_id like '%ConsultationFacts%'")
                .params(RECORDED, "%\"" + contact + "\"%")
                .query(String.class)
                .optional();
    }

    private long facts(long consultation) {
        return jdbc.sql("select count(*) from reporting.consultation_fact where consultation_id = ?")
                .param(consultation)
                .query(Long.class)
                .single();
    }
}
