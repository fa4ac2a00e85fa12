package io.sangdam.routing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.RoutingEngine;
import io.sangdam.engine.routing.RoutingEvent;
import io.sangdam.routing.RoutedEvent;
import io.sangdam.routing.RoutingEngineRebuilt;
import io.sangdam.routing.RoutingEventsOccurred;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class CenterWorkerTests {

    private final RoutingHost host;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final ApplicationEventMulticaster multicaster;

    CenterWorkerTests(
            RoutingHost host,
            JdbcClient jdbc,
            ConfigurableApplicationContext context,
            ApplicationEventMulticaster multicaster) {
        this.host = host;
        this.jdbc = jdbc;
        this.context = context;
        this.multicaster = multicaster;
    }

    @Test
    void aListenerThatFailsCostsNeitherTheStoredCommandsNorTheEngine() {
        long center = RuntimeCenter.create(jdbc, host).id();
        host.handle(center, new RoutingRequest.LogIn("rt.failing", Map.of(RuntimeCenter.SKILL, 5), 2));
        host.handle(center, new RoutingRequest.BecomeReady("rt.failing"));
        RoutingEngine before = host.read(center, engine -> engine);
        List<Object> reconciled = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> failing = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload) {
                if (payload.getPayload() instanceof RoutingEventsOccurred occurred
                        && occurred.center().value() == center
                        && occurred.events().stream()
                                .anyMatch(e -> e instanceof RoutedEvent.ContactOffered offered
                                        && offered.contact().value().equals("rt-boom"))) {
                    throw new IllegalStateException("a listener that fails on rt-boom");
                }
                if (payload.getPayload() instanceof RoutingEngineRebuilt rebuilt
                        && rebuilt.center().value() == center) {
                    reconciled.add(rebuilt);
                }
            }
        };
        context.addApplicationListener(failing);
        List<RoutingEvent> decided;
        try {
            decided = host.handle(
                    center, new RoutingRequest.Arrive("rt-boom", RuntimeCenter.QUEUE, "CHAT", 0, List.of()));
        } finally {
            multicaster.removeApplicationListener(failing);
        }

        assertThat(decided).anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactOffered.class));
        // Not dropped and rebuilt: the same engine goes on routing.
        assertThat((Object) host.read(center, engine -> engine)).isSameAs(before);
        assertThat(jdbc.sql("select count(*) from routing.command_log where center_id = ? and command ->> 'contact' ="
                                + " 'rt-boom'")
                        .param(center)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select type from routing.event_log where center_id = ? and contact_id = 'rt-boom'")
                        .param(center)
                        .query(String.class)
                        .list())
                .contains("ContactOffered");
        // The read models that missed the batch were set from the engine's state instead.
        assertThat(reconciled).hasSize(1);

        host.handle(center, new RoutingRequest.Accept("rt.failing", "rt-boom"));
        assertThat(host.handle(
                        center, new RoutingRequest.Arrive("rt-after", RuntimeCenter.QUEUE, "CHAT", 0, List.of())))
                .anySatisfy(e -> assertThat(e).isInstanceOf(RoutingEvent.ContactOffered.class));
        assertThat((Object) host.read(center, engine -> engine)).isSameAs(before);
    }
}
