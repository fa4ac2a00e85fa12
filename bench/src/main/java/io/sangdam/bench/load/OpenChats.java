package io.sangdam.bench.load;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many chats open at once ({@code --scenario=open-chats}): opens chats at a rate the server keeps up
 * with until {@code --open-target} are open, each customer holding its chat's event stream and, as
 * the web widget does, asking for the chat's status again when the server's answer says
 * ({@code refreshSeconds}; every {@code --refresh-seconds} when it says nothing). Most wait in a
 * queue (each agent takes 3); the connected customers send a message every {@code --talk-seconds},
 * which the agent answers, and no chat is ended by its agent. Once the target is reached the chats
 * are held for {@code --hold} seconds while a new chat is started (and left) every {@code
 * --probe-ms}; then every customer leaves (the waiting first) and the driver asks for every chat that
 * it is ended.
 *
 * <p>The opening rate starts at {@code --start-rate} per second and is raised by 15 % each second
 * while fewer than a quarter of a second's starts are unanswered, and cut by 30 % when more than a
 * second's are or a start failed: the server sets the pace. Bounded: {@code --open-seconds} for the
 * opening, {@code --hold}, {@code --leave-seconds}, {@code --drain}, then the driver exits.
 */
final class OpenChats {
    private static final Pattern ANSWER = Pattern.compile("답변 #(\\d+)");

    private final Options options;
    private final Server server;
    private final Run run;
    private final Set<Holder> holders = ConcurrentHashMap.newKeySet();
    private final List<Holder> everyChat = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger pendingStarts = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong startFailures = new AtomicLong();
    private final Map<String, Latencies> leaving = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private int openAtEnd;
    private volatile Latencies window = new Latencies();

    private OpenChats(Options options, Server server, Run run) {
        this.options = options;
        this.server = server;
        this.run = run;
    }

    static void run(Options options, Server server, Run run, int agents) throws Exception {
        new OpenChats(options, server, run).go(agents);
    }

    private void go(int agents) throws Exception {
        System.out.printf(
                "== open chats: target %d, start rate %d/s (at most %d/s), %d agents, a message every %d s, status"
                        + " every %d s%n",
                options.openTarget,
                options.startRate,
                options.maxRate,
                agents,
                options.talkSeconds,
                options.refreshSeconds);
        memory("before opening");
        long began = System.nanoTime();
        Run.Step opening = new Run.Step("opening", options.startRate, began, Long.MAX_VALUE);
        run.steps.add(opening);
        run.current = opening;
        double reached = open(opening);
        opening.until = System.nanoTime();
        openAtEnd = open.get();
        double openingSeconds = (opening.until - began) / 1e9;
        System.out.printf(
                "open chats: %d of %d after %.1f s (%s); %d starts answered, %d failed%n",
                open.get(),
                options.openTarget,
                openingSeconds,
                Double.isNaN(reached) ? "target NOT reached" : String.format("target reached after %.1f s", reached),
                opening.started.sum(),
                startFailures.get());
        memory("end of opening");

        long holdStart = System.nanoTime();
        Run.Step holding =
                new Run.Step("holding", 0, holdStart, holdStart + TimeUnit.SECONDS.toNanos(options.holdSeconds));
        run.steps.add(holding);
        run.current = holding;
        hold(holding);
        holding.until = System.nanoTime();
        memory("end of hold");
        // Printed now as well: on a server that fell behind, leaving and the check can take their full bounds.
        System.out.printf(
                "holding: %d open (%d connected); start %s; status GET %s; customer→agent %s; round trip %s; errors"
                        + " %s%n",
                holding.maxOpen.get(),
                holding.maxConnected.get(),
                holding.start.summary(),
                holding.status.summary(),
                holding.toAgent.summary(),
                holding.roundTrip.summary(),
                Run.errors(holding));

        long leaveStart = System.nanoTime();
        Run.Step leavingStep = new Run.Step("leaving", 0, leaveStart, Long.MAX_VALUE);
        run.steps.add(leavingStep);
        run.current = leavingStep;
        stopping = true;
        leaveAll();
        leavingStep.until = System.nanoTime();
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds);
        while (open.get() > 0 && System.nanoTime() < drainEnd) {
            Thread.sleep(200);
        }
        System.out.printf(
                "left in %.1f s; streams still open after %d s of drain: %d%n",
                (leavingStep.until - leaveStart) / 1e9, options.drainSeconds, open.get());
        memory("after leaving");
        Map<String, Integer> statuses = checkEnded();
        report(openingSeconds, reached, agents, statuses);
    }

    // ------------------------------------------------------------------ opening

    /** Opens chats until the target is open; the seconds it took, NaN if the time ran out. */
    private double open(Run.Step step) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(options.openSeconds);
        double rate = options.startRate;
        long next = began;
        long lastAdjust = began;
        long lastReport = began;
        long failuresAtAdjust = 0;
        long startedAtReport = 0;
        int turn = 0;
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        while (true) {
            long now = System.nanoTime();
            if (open.get() >= options.openTarget) {
                return (now - began) / 1e9;
            }
            if (now >= deadline) {
                return Double.NaN;
            }
            if (now - lastAdjust >= 1_000_000_000L) {
                int pending = pendingStarts.get();
                long failures = startFailures.get();
                if (pending > rate || failures > failuresAtAdjust) {
                    rate = Math.max(1, rate * 0.7);
                } else if (pending < rate / 4 + 1) {
                    rate = Math.min(options.maxRate, rate * 1.15);
                }
                failuresAtAdjust = failures;
                lastAdjust = now;
            }
            if (now - lastReport >= 10_000_000_000L) {
                Latencies last = window;
                window = new Latencies();
                long started = step.started.sum();
                System.out.printf(
                        "  t=%3.0f s: open %d (connected %d), %.0f starts/s answered in the last 10 s, rate now"
                                + " %.0f/s, unanswered %d, start p50/p99 %s ms, errors %s%n",
                        (now - began) / 1e9,
                        open.get(),
                        connected.get(),
                        (started - startedAtReport) / ((now - lastReport) / 1e9),
                        rate,
                        pendingStarts.get(),
                        pair(last),
                        Run.errors(step));
                startedAtReport = started;
                lastReport = now;
            }
            // Never more starts in the air than would overshoot the target, nor than ten seconds' worth.
            if (open.get() + pendingStarts.get() >= options.openTarget
                    || pendingStarts.get() >= Math.max(50, rate * 10)) {
                Thread.sleep(20);
                next = System.nanoTime();
                continue;
            }
            if (next > now) {
                LockSupport.parkNanos(next - now);
            } else if (now - next > 1_000_000_000L) {
                next = now; // fell behind by more than a second (the rate was cut): do not catch up in a burst
            }
            next += (long) (1e9 / rate);
            long center = options.centers.get(turn % options.centers.size());
            String topic = options.topics.get((turn / options.centers.size()) % options.topics.size());
            turn++;
            Holder holder = new Holder(center, topic);
            pendingStarts.incrementAndGet();
            threads.submit(() -> {
                boolean started;
                try {
                    started = holder.start(step, true);
                } finally {
                    pendingStarts.decrementAndGet();
                }
                if (started) {
                    holder.hold();
                }
            });
        }
    }

    // ------------------------------------------------------------------ holding

    private void hold(Run.Step step) throws Exception {
        long end = step.until;
        long began = System.nanoTime();
        long lastReport = began;
        int turn = 0;
        try (var probes = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long next = began; next < end; next += TimeUnit.MILLISECONDS.toNanos(options.probeMillis)) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long center = options.centers.get(turn % options.centers.size());
                String topic = options.topics.get((turn / options.centers.size()) % options.topics.size());
                turn++;
                probes.submit(() -> {
                    // A new customer while the others are open: start, ask where the chat stands, leave.
                    Holder probe = new Holder(center, topic);
                    if (probe.start(step, false)) {
                        probe.refresh(step);
                        probe.leave(step);
                    }
                });
                step.maxConnected.accumulateAndGet(connected.get(), Math::max);
                step.maxOpen.accumulateAndGet(open.get(), Math::max);
                long now = System.nanoTime();
                if (now - lastReport >= 10_000_000_000L) {
                    System.out.printf(
                            "  hold t=%3.0f s: open %d (connected %d), errors %s%n",
                            (now - began) / 1e9, open.get(), connected.get(), Run.errors(step));
                    lastReport = now;
                }
            }
        }
    }

    // ------------------------------------------------------------------ leaving and the check

    private void leaveAll() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.leaveSeconds);
        List<Holder> waitingFirst = new ArrayList<>(holders);
        // Waiting customers leave first, so that agents freed by the connected ones are not offered them.
        waitingFirst.sort(java.util.Comparator.comparing(h -> h.connected));
        Semaphore parallel = new Semaphore(options.leaveParallelism);
        int given = 0;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Holder holder : waitingFirst) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                parallel.acquire();
                given++;
                threads.submit(() -> {
                    try {
                        holder.leave(run.current);
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
        if (given < waitingFirst.size()) {
            System.out.printf(
                    "leaving stopped after %d s: %d customers did not leave%n",
                    options.leaveSeconds, waitingFirst.size() - given);
        }
    }

    /** Asks the server for every chat this run opened; all must be ENDED. */
    private Map<String, Integer> checkEnded() throws InterruptedException {
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore parallel = new Semaphore(32);
        List<Holder> all;
        synchronized (everyChat) {
            all = List.copyOf(everyChat);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.leaveSeconds);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Holder holder : all) {
                if (System.nanoTime() >= deadline) {
                    statuses.computeIfAbsent("not asked (time up)", s -> new AtomicInteger())
                            .incrementAndGet();
                    continue;
                }
                parallel.acquire();
                threads.submit(() -> {
                    String status;
                    try {
                        HttpResponse<String> view = server.send(
                                server.request("/chat/api/conversations/" + holder.id + "?token=" + holder.token)
                                        .GET()
                                        .build());
                        status = view.statusCode() == 200
                                ? Json.field(view.body(), "status")
                                : "HTTP " + view.statusCode();
                    } catch (Exception failed) {
                        status = failed.getClass().getSimpleName();
                    } finally {
                        parallel.release();
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                });
            }
        }
        Map<String, Integer> sorted = new TreeMap<>();
        statuses.forEach((k, v) -> sorted.put(k, v.get()));
        System.out.printf(
                "check: %d chats started by this run (%d while holding, left at once); their status now: %s%n",
                all.size(), all.stream().filter(h -> h.probe).count(), sorted);
        return sorted;
    }

    // ------------------------------------------------------------------ one customer

    private final class Holder {
        final long center;
        final String topic;
        String id = "";
        String token = "";
        boolean probe;
        volatile boolean connected;
        private volatile boolean ended;
        private volatile boolean left;
        private Run.@org.jspecify.annotations.Nullable Contact contact;
        private @org.jspecify.annotations.Nullable InputStream stream;
        private int asked;

        Holder(long center, String topic) {
            this.center = center;
            this.topic = topic;
        }

        boolean start(Run.Step step, boolean holds) {
            probe = !holds;
            long sent = System.nanoTime();
            HttpResponse<String> started;
            try {
                started = server.postJson(
                        "/chat/api/conversations", "{\"center\": " + center + ", \"topic\": \"" + topic + "\"}");
            } catch (Exception failed) {
                startFailures.incrementAndGet();
                run.error(step, "start-" + failed.getClass().getSimpleName());
                return false;
            }
            if (started.statusCode() != 201) {
                startFailures.incrementAndGet();
                run.error(step, "start-" + started.statusCode());
                return false;
            }
            long took = System.nanoTime() - sent;
            step.start.add(took);
            window.add(took);
            step.started.increment();
            id = Json.field(started.body(), "conversation");
            token = Json.field(started.body(), "token");
            everyChat.add(this);
            if (holds) {
                Run.Contact c = run.contact(id);
                run.started(c, sent, step);
                contact = c;
                open.incrementAndGet();
                holders.add(this);
            }
            return true;
        }

        /** On the start's thread: the chat's stream until it ends; beside it the widget's refreshes and the customer's messages. */
        void hold() {
            // Beside the stream, not after it: under load the stream's response may be slow to arrive.
            Thread.ofVirtual().start(this::tick);
            try {
                HttpResponse<InputStream> response =
                        server.stream("/chat/api/conversations/" + id + "/stream?token=" + token);
                if (response.statusCode() != 200) {
                    run.error(null, "stream-" + response.statusCode());
                    closed();
                    return;
                }
                stream = response.body();
                Sse.read(response.body(), (event, data) -> {
                    switch (event) {
                        case "status" -> {
                            String status = Json.field(data, "status");
                            if (status.equals("CONNECTED")) {
                                becameConnected();
                            } else if (status.equals("ENDED")) {
                                return false;
                            }
                        }
                        case "message" -> {
                            if (Json.field(data, "sender").equals("AGENT") && contact != null) {
                                Matcher answer = ANSWER.matcher(Json.field(data, "body"));
                                Run.Step at = contact.step;
                                if (answer.find()
                                        && Integer.parseInt(answer.group(1)) == contact.exchange
                                        && at != null) {
                                    at.roundTrip.add(System.nanoTime() - contact.messageSent);
                                }
                            }
                        }
                        default -> {}
                    }
                    return true;
                });
            } catch (Exception lost) {
                if (!left) {
                    run.error(null, "stream-lost-" + lost.getClass().getSimpleName());
                }
            } finally {
                closed();
            }
        }

        private void closed() {
            ended = true;
            if (holders.remove(this)) {
                open.decrementAndGet();
                if (connected) {
                    OpenChats.this.connected.decrementAndGet();
                }
            }
        }

        private void becameConnected() {
            synchronized (this) {
                if (connected) {
                    return;
                }
                connected = true;
            }
            OpenChats.this.connected.incrementAndGet();
        }

        /** The widget's refresh and, once connected, a message every few seconds; until the chat ends or the run stops. */
        private void tick() {
            var random = ThreadLocalRandom.current();
            long now = System.nanoTime();
            long talkEvery = TimeUnit.SECONDS.toNanos(options.talkSeconds);
            // As the widget: the stream says where the chat stands first (the agent may have accepted before it was
            // open); the status is asked for again when the server's answer says (refreshSeconds), first after
            // --refresh-seconds, spread so that the chats do not all ask together.
            long nextRefresh = options.refreshSeconds <= 0
                    ? Long.MAX_VALUE
                    : now + 1 + random.nextLong(TimeUnit.SECONDS.toNanos(options.refreshSeconds));
            long nextTalk = now + random.nextLong(Math.max(1, talkEvery));
            while (!ended && !stopping) {
                long next = Math.min(nextRefresh, nextTalk);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, 1_000_000_000L));
                    continue;
                }
                if (next == nextRefresh) {
                    String answer = refresh(run.current);
                    if (Json.field(answer, "status").equals("CONNECTED")) {
                        becameConnected();
                    }
                    nextRefresh +=
                            TimeUnit.SECONDS.toNanos(Json.number(answer, "refreshSeconds", options.refreshSeconds));
                } else {
                    if (connected) {
                        ask();
                    }
                    nextTalk += talkEvery;
                }
            }
        }

        /** The server's answer (empty when there was none). */
        String refresh(Run.@org.jspecify.annotations.Nullable Step step) {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> view =
                        server.send(server.request("/chat/api/conversations/" + id + "/status?token=" + token)
                                .GET()
                                .build());
                if (view.statusCode() != 200) {
                    run.error(step, "status-" + view.statusCode());
                    return "";
                }
                if (step != null) {
                    step.status.add(System.nanoTime() - sent);
                }
                return view.body();
            } catch (Exception failed) {
                run.error(step, "status-" + failed.getClass().getSimpleName());
                return "";
            }
        }

        private void ask() {
            Run.Contact c = contact;
            Run.Step step = run.current;
            if (c == null || step == null) {
                return;
            }
            int k = ++asked;
            c.step = step;
            c.exchange = k;
            c.messageSent = System.nanoTime();
            try {
                HttpResponse<String> sent = server.postJson(
                        "/chat/api/conversations/" + id + "/messages?token=" + token,
                        "{\"text\": " + Json.quote("질문 #" + k + " 입니다") + "}");
                if (sent.statusCode() != 201) {
                    run.error(step, "message-" + sent.statusCode());
                }
            } catch (Exception failed) {
                run.error(step, "message-" + failed.getClass().getSimpleName());
            }
        }

        void leave(Run.@org.jspecify.annotations.Nullable Step step) {
            left = true;
            long sent = System.nanoTime();
            String kind = probe ? "probe" : connected ? "connected" : "waiting";
            try {
                HttpResponse<String> answer =
                        server.postJson("/chat/api/conversations/" + id + "/end?token=" + token, "{}");
                if (answer.statusCode() / 100 != 2) {
                    run.error(step, "leave-" + answer.statusCode());
                } else {
                    leaving.computeIfAbsent(kind, k -> new Latencies()).add(System.nanoTime() - sent);
                }
            } catch (Exception failed) {
                run.error(step, "leave-" + failed.getClass().getSimpleName());
            }
        }
    }

    // ------------------------------------------------------------------ the server's memory, the report

    /** The server's resident memory and open files (from /proc) and its used heap (from the metrics endpoint). */
    private void memory(String when) {
        StringBuilder line = new StringBuilder("memory " + when + ":");
        if (options.serverPid > 0) {
            try {
                for (String row : Files.readAllLines(Path.of("/proc/" + options.serverPid + "/status"))) {
                    if (row.startsWith("VmRSS:") || row.startsWith("VmHWM:") || row.startsWith("Threads:")) {
                        line.append(' ').append(row.replaceAll("\\s+", " "));
                    }
                }
                try (var files = Files.list(Path.of("/proc/" + options.serverPid + "/fd"))) {
                    line.append(" open files: ").append(files.count());
                }
            } catch (Exception unreadable) {
                line.append(" /proc unreadable: ").append(unreadable.getMessage());
            }
        }
        line.append(" heap used: ")
                .append(metric("jvm.memory.used"))
                .append(" MB of committed ")
                .append(metric("jvm.memory.committed"))
                .append(" MB");
        System.out.println(line);
    }

    private String metric(String name) {
        try {
            HttpResponse<String> answer = server.send(server.request("/actuator/metrics/" + name + "?tag=area:heap")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    options.admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .GET()
                    .build());
            Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.eE+]+)").matcher(answer.body());
            return answer.statusCode() == 200 && value.find()
                    ? String.format("%.0f", Double.parseDouble(value.group(1)) / 1_048_576)
                    : "?";
        } catch (Exception failed) {
            return "?";
        }
    }

    private void report(double openingSeconds, double reached, int agents, Map<String, Integer> statuses) {
        Run.Step opening = run.steps.get(0);
        Run.Step holding = run.steps.get(1);
        Run.Step leavingStep = run.steps.get(2);
        System.out.println();
        System.out.printf("== open chats: target %d, %d agents%n", options.openTarget, agents);
        System.out.printf(
                "opening: %s in %.1f s (%.0f starts/s on average); start %s%n",
                Double.isNaN(reached) ? "target NOT reached, " + openAtEnd + " open" : "target reached",
                openingSeconds,
                opening.started.sum() / openingSeconds,
                opening.start.summary());
        System.out.printf(
                "opening: route-to-offer %s; errors %s%n", opening.routeToOffer.summary(), Run.errors(opening));
        System.out.printf(
                "holding %d s with %d open (%d connected) at most: new chat start %s%n",
                options.holdSeconds, holding.maxOpen.get(), holding.maxConnected.get(), holding.start.summary());
        System.out.printf("holding: status GET %s%n", holding.status.summary());
        System.out.printf(
                "holding: customer→agent %s; round trip %s%n", holding.toAgent.summary(), holding.roundTrip.summary());
        System.out.printf("holding: errors %s%n", Run.errors(holding));
        leaving.forEach((kind, latencies) -> System.out.printf("leaving (%s): %s%n", kind, latencies.summary()));
        System.out.printf("leaving: errors %s%n", Run.errors(leavingStep));
        System.out.printf("end: status of every chat of the run %s%n", statuses);
        System.out.println();
        System.out.println(
                "| open at once | time to open | start p50 / p99 (holding) | status GET p50 / p99 | customer→agent p50"
                        + " / p99 | round trip p50 / p99 | errors |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(
                "| %d (%d connected) | %s | %s ms | %s ms | %s ms | %s ms | %s |%n",
                holding.maxOpen.get(),
                holding.maxConnected.get(),
                Double.isNaN(reached)
                        ? "not reached in " + options.openSeconds + " s"
                        : String.format("%.0f s", reached),
                pair(holding.start),
                pair(holding.status),
                pair(holding.toAgent),
                pair(holding.roundTrip),
                Run.errors(holding));
    }

    private static String pair(Latencies latencies) {
        if (latencies.count() == 0) {
            return "-";
        }
        return String.format("%.1f / %.1f", latencies.percentileMillis(0.50), latencies.percentileMillis(0.99));
    }
}
