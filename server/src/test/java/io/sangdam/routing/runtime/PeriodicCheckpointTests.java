package io.sangdam.routing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.AgentState;
import io.sangdam.engine.routing.RoutingSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class PeriodicCheckpointTests {

    /** Small so that the test stays quick; the default is 10,000. */
    private static final int EVERY = 40;
    /** Commands of one contact's round: log in, ready, arrive, accept, end, log out. */
    private static final int ROUND = 6;

    private final RoutingHost host;
    private final JdbcClient jdbc;
    private final AgentLogIns logIns;

    PeriodicCheckpointTests(RoutingHost host, JdbcClient jdbc, AgentLogIns logIns) {
        this.host = host;
        this.jdbc = jdbc;
        this.logIns = logIns;
    }

    @Test
    void afterManyCommandsARebuildReplaysAtMostTheCommandsSinceTheLastPeriodicCheckpoint() {
        RuntimeCenter created = RuntimeCenter.create(jdbc, host);
        long center = created.id();
        String agent = created.agent(jdbc, "rt.agent", RuntimeCenter.SKILL);
        Checkpoints checkpoints = host.checkpoints();
        long everyCommands = checkpoints.everyCommands();
        Duration every = checkpoints.every();
        checkpoints.every(EVERY, Duration.ZERO);
        try {
            for (int i = 0; i < 50; i++) {
                round(center, agent, "rt-day-" + i);
            }
            settled(center);
            assertThat(checkpointsOf(center)).isGreaterThanOrEqualTo(300 / (EVERY + ROUND));
            RoutingSnapshot live = host.snapshot(center);

            long replayed = host.rebuildFromLog(center);

            assertThat(replayed).isLessThanOrEqualTo(EVERY + ROUND);
            RoutingSnapshot rebuilt = host.snapshot(center);
            assertThat(rebuilt.agents()).isEqualTo(live.agents());
            assertThat(rebuilt.contacts()).isEqualTo(live.contacts());
        } finally {
            checkpoints.every(everyCommands, every);
        }
    }

    @Test
    void noPeriodicCheckpointIsTakenWhileAContactWaitsWhichTheCarryingWouldChange() {
        RuntimeCenter created = RuntimeCenter.create(jdbc, host);
        long center = created.id();
        // Holds another skill than the queue's: the contact keeps waiting while they come and go.
        String other = created.agent(jdbc, "rt.other", "TECH");
        Checkpoints checkpoints = host.checkpoints();
        long everyCommands = checkpoints.everyCommands();
        Duration every = checkpoints.every();
        checkpoints.every(EVERY, Duration.ZERO);
        try {
            host.handle(center, new RoutingRequest.Arrive("rt-waiting", RuntimeCenter.QUEUE, "CHAT", 0, List.of()));
            long before = checkpointsOf(center);
            for (int i = 0; i < 2 * EVERY; i++) {
                host.handle(center, logIns.logIn(other).orElseThrow());
                host.handle(center, new RoutingRequest.LogOut(other));
            }
            assertThat(checkpointsOf(center)).isEqualTo(before);

            host.handle(center, new RoutingRequest.End("rt-waiting", false));
            settled(center);
            assertThat(checkpointsOf(center)).isEqualTo(before + 1);
            assertThat(host.rebuildFromLog(center)).isLessThanOrEqualTo(ROUND);
        } finally {
            checkpoints.every(everyCommands, every);
        }
    }

    /**
     * An agent who left in a wrap-up that waits for their records must not hold the center's
     * checkpoints back for ever: it is carried as not-ready 후처리, which the desk still keeps from
     * becoming ready until the records are saved.
     */
    @Test
    void aWrapUpWaitingForRecordsDoesNotHoldPeriodicCheckpointsBack() {
        RuntimeCenter created = RuntimeCenter.create(jdbc, host);
        long center = created.id();
        String agent = created.agent(jdbc, "rt.writer", RuntimeCenter.SKILL);
        String other = created.agent(jdbc, "rt.passer", "TECH");
        Checkpoints checkpoints = host.checkpoints();
        long everyCommands = checkpoints.everyCommands();
        Duration every = checkpoints.every();
        checkpoints.every(EVERY, Duration.ZERO);
        try {
            host.handle(center, logIns.logIn(agent).orElseThrow());
            host.handle(center, new RoutingRequest.BecomeReady(agent));
            host.handle(center, new RoutingRequest.Arrive("rt-recorded", RuntimeCenter.QUEUE, "CHAT", 0, List.of()));
            host.handle(center, new RoutingRequest.Accept(agent, "rt-recorded"));
            host.handle(center, new RoutingRequest.End("rt-recorded", false, true));
            assertThat(stateOf(center, agent)).isEqualTo(new AgentState.WrapUp(null));
            long before = checkpointsOf(center);
            for (int i = 0; i < 2 * EVERY; i++) {
                host.handle(center, logIns.logIn(other).orElseThrow());
                host.handle(center, new RoutingRequest.LogOut(other));
            }
            settled(center);

            assertThat(checkpointsOf(center)).isGreaterThan(before);
            assertThat(stateOf(center, agent)).isEqualTo(new AgentState.NotReady(Checkpoints.WRAP_UP_CARRIED));
            RoutingSnapshot live = host.snapshot(center);
            host.rebuildFromLog(center);
            assertThat(host.snapshot(center).agents()).isEqualTo(live.agents());
        } finally {
            checkpoints.every(everyCommands, every);
        }
    }

    private AgentState stateOf(long center, String agent) {
        return host.snapshot(center).agents().stream()
                .filter(a -> a.id().value().equals(agent))
                .findFirst()
                .orElseThrow()
                .state();
    }

    /** A contact's round; the agent stays logged in half of the time, so checkpoints carry them over too. */
    private void round(long center, String agent, String contact) {
        host.handle(center, logIns.logIn(agent).orElseThrow());
        host.handle(center, new RoutingRequest.BecomeReady(agent));
        host.handle(center, new RoutingRequest.Arrive(contact, RuntimeCenter.QUEUE, "CHAT", 0, List.of()));
        host.handle(center, new RoutingRequest.Accept(agent, contact));
        host.handle(center, new RoutingRequest.End(contact, false));
        host.handle(center, new RoutingRequest.LogOut(agent));
    }

    /**
     * Waits for the worker to finish the batch it answered: a periodic checkpoint is taken after the
     * callers are answered, still under the center's lock, which a read of the engine waits for.
     */
    private void settled(long center) {
        host.read(center, engine -> engine.now());
    }

    private long checkpointsOf(long center) {
        return jdbc.sql("select count(*) from routing.command_log where center_id = ? and type = ?")
                .params(center, Checkpoints.CHECKPOINT_TYPE)
                .query(Long.class)
                .single();
    }
}
