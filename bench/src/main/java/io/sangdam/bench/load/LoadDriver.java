package io.sangdam.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays customers and agents against a running Sangdam on loopback and reports, per rate step:
 * contacts started and routed per second, route-to-offer latency (customer's start request sent
 * to the offer event on the agent's stream), message delivery (customer's POST to the agent's
 * stream, and to the agent's answer on the customer's stream), open chats held, errors.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.sangdam.bench.load.LoadDriver --base=http://127.0.0.1:18090 \
 *     --agents-per-center=250 --rates=100,250,500,1000 --step-seconds=20 --duration=120 --max-contacts=60000 \
 *     [--server-pid=N --postgres-pid=N]     # CPU per offer of the server and its database, too
 * java -cp bench/target/benchmarks.jar io.sangdam.bench.load.LoadDriver check --ack-log=acked.txt ...
 * java -cp bench/target/benchmarks.jar io.sangdam.bench.load.LoadDriver resume --ack-log=acked.txt ...
 * java -cp bench/target/benchmarks.jar io.sangdam.bench.load.LoadDriver --scenario=open-chats --open-target=10000 ...
 * </pre>
 *
 * {@code resume} (after a crash and restart, see {@link Resume}) and {@code --scenario=open-chats}
 * (many chats held open at once, see {@link OpenChats}) are the other modes.
 *
 * Bounded: it stops after {@code --duration} seconds of load plus {@code --drain} seconds, or
 * {@code --max-contacts}, whichever comes first, and then exits.
 */
public final class LoadDriver {

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("check")) {
            System.exit(
                    AcknowledgedCheck.run(Options.parse(java.util.Arrays.copyOfRange(args, 1, args.length))) ? 0 : 1);
        }
        boolean resuming = args.length > 0 && args[0].equals("resume");
        Options options = Options.parse(resuming ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        boolean openChats = options.scenario.equals("open-chats");
        if (!openChats && !options.scenario.equals("ramp")) {
            throw new IllegalArgumentException("unknown scenario " + options.scenario + " (ramp, open-chats)");
        }
        if (openChats) {
            options.exchanges = Integer.MAX_VALUE; // agents never end a chat: the customers leave at the end
        }
        if (resuming && options.ackLog == null) {
            throw new IllegalArgumentException("resume needs --ack-log");
        }
        Server server = new Server(options.base, options.clients);
        Run run = new Run(options);
        if (resuming) {
            // errors of the agents' sign-in and of the chats are counted under one step
            run.current = new Run.Step("resume", 0, System.nanoTime(), Long.MAX_VALUE);
            run.steps.add(run.current);
        }
        List<Agent> agents = signIn(options, server, run, resuming);
        if (agents.isEmpty()) {
            System.out.println("no agent could sign in");
            System.exit(2);
        }
        if (resuming) {
            Resume.run(options, agents, server, run);
            System.out.flush();
            System.exit(0);
        }
        if (openChats) {
            OpenChats.run(options, server, run, agents.size());
            System.out.flush();
            System.exit(0);
        }
        var sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().factory());
        sampler.scheduleAtFixedRate(run::sample, 100, 100, TimeUnit.MILLISECONDS);
        load(options, server, run);
        report(run, agents.size(), options);
        System.out.flush();
        // Streams still open (chats never answered) hold threads: the run is over, so is the process.
        System.exit(0);
    }

    private static List<Agent> signIn(Options options, Server server, Run run, boolean resuming) throws Exception {
        List<Agent> agents = new ArrayList<>();
        for (long center : options.centers) {
            for (int n = 1; n <= options.agentsPerCenter; n++) {
                agents.add(new Agent(options.agent(center, n), server, run, resuming));
            }
        }
        long began = System.nanoTime();
        var ready = new java.util.concurrent.CopyOnWriteArrayList<Agent>();
        AtomicInteger failed = new AtomicInteger();
        Semaphore parallel = new Semaphore(options.signInParallelism);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Agent agent : agents) {
                parallel.acquire();
                threads.submit(() -> {
                    try {
                        agent.signIn(options.password);
                        agent.goReady();
                        ready.add(agent);
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.out.println("agent " + agent.username + ": " + e.getMessage());
                        }
                    } finally {
                        parallel.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf(
                "agents signed in, streaming and ready: %d of %d (%d failed) in %.1f s%n",
                ready.size(), agents.size(), failed.get(), (System.nanoTime() - began) / 1e9);
        return ready;
    }

    private static void load(Options options, Server server, Run run) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        int started = 0;
        int turn = 0;
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int rate : options.rates) {
            long stepStart = System.nanoTime();
            long stepEnd = Math.min(deadline, stepStart + TimeUnit.SECONDS.toNanos(options.stepSeconds));
            if (stepStart >= deadline || started >= options.maxContacts) {
                break;
            }
            Run.Step step = new Run.Step(rate, stepStart, stepEnd);
            CpuTime cpuBefore = CpuTime.now(options);
            run.steps.add(step);
            run.current = step;
            long interval = 1_000_000_000L / rate;
            for (long i = 0; ; i++) {
                long due = stepStart + i * interval;
                if (due >= stepEnd || started >= options.maxContacts) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (run.inFlight.get() >= options.maxOpen) {
                    step.skipped.increment();
                    continue;
                }
                long center = options.centers.get(turn % options.centers.size());
                String topic = options.topics.get((turn / options.centers.size()) % options.topics.size());
                turn++;
                started++;
                var customer = new Customer(server, run, step, center, topic);
                run.inFlight.incrementAndGet();
                threads.submit(() -> {
                    try {
                        customer.chat();
                    } finally {
                        run.inFlight.decrementAndGet();
                    }
                });
            }
            step.until = System.nanoTime();
            step.cpu = CpuTime.now(options).since(cpuBefore);
            printStep(step, options);
        }
        run.current = null;
        // Let the chats in flight finish, within bounds.
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds);
        while (run.open.get() > 0 && System.nanoTime() < drainEnd) {
            Thread.sleep(200);
        }
        int left = run.open.get();
        // Customers still waiting or talking leave, so a server used for several runs starts the next one clean.
        if (options.leaveAtEnd) {
            try (var leaving = Executors.newVirtualThreadPerTaskExecutor()) {
                Semaphore parallel = new Semaphore(32);
                for (Customer customer : List.copyOf(run.openCustomers)) {
                    parallel.acquire();
                    leaving.submit(() -> {
                        try {
                            customer.leave();
                        } finally {
                            parallel.release();
                        }
                    });
                }
            }
        }
        System.out.printf(
                "after %d s of drain: %d chats still open%s%n",
                options.drainSeconds, left, options.leaveAtEnd && left > 0 ? " (their customers left)" : "");
    }

    private static void printStep(Run.Step step, Options options) {
        double seconds = (step.until - step.from) / 1e9;
        System.out.printf(
                "step %d/s: %d started (%.0f/s), %d offers in the step (%.0f/s), open chats max %d (connected max %d),"
                        + " skipped %d, CPU ms per offer (server / PostgreSQL / driver) %s, errors %s%n",
                step.rate,
                step.started.sum(),
                step.started.sum() / seconds,
                step.offersInWindow.sum(),
                step.offersInWindow.sum() / seconds,
                step.maxOpen.get(),
                step.maxConnected.get(),
                step.skipped.sum(),
                cpuPerOffer(step, options),
                Run.errors(step));
    }

    /** CPU per offer made in the step: in a steady step, what a routed contact costs each process. */
    private static String cpuPerOffer(Run.Step step, Options options) {
        CpuTime cpu = step.cpu;
        return cpu == null ? "-" : cpu.perContact(step.offersInWindow.sum(), options);
    }

    private static void report(Run run, int agents, Options options) {
        System.out.println();
        System.out.printf(
                "== %d agents; per step (latencies of the contacts started in the step, measured to the end of the"
                        + " run)%n",
                agents);
        System.out.println("| target /s | started /s | routed /s | start p50/p99 ms | route-to-offer p50 / p99 ms |"
                + " customer→agent p50 / p99 ms | round trip p50 / p99 ms | open chats max (connected) | offered"
                + " of started | CPU ms per offer: server / PostgreSQL / driver | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Run.Step step : run.steps) {
            double seconds = (step.until - step.from) / 1e9;
            System.out.printf(
                    "| %d | %.0f | %.0f | %s | %s | %s | %s | %d (%d) | %d of %d | %s | %s |%n",
                    step.rate,
                    step.started.sum() / seconds,
                    step.offersInWindow.sum() / seconds,
                    pair(step.start),
                    pair(step.routeToOffer),
                    pair(step.toAgent),
                    pair(step.roundTrip),
                    step.maxOpen.get(),
                    step.maxConnected.get(),
                    step.offered.sum(),
                    step.started.sum(),
                    cpuPerOffer(step, options),
                    Run.errors(step));
        }
        System.out.println();
        for (Run.Step step : run.steps) {
            System.out.printf(
                    "step %d/s: start %s; route-to-offer %s; customer→agent %s; round trip %s%n",
                    step.rate,
                    step.start.summary(),
                    step.routeToOffer.summary(),
                    step.toAgent.summary(),
                    step.roundTrip.summary());
        }
    }

    private static String pair(Latencies latencies) {
        if (latencies.count() == 0) {
            return "-";
        }
        return String.format("%.1f / %.1f", latencies.percentileMillis(0.50), latencies.percentileMillis(0.99));
    }
}
