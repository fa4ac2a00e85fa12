package io.sangdam.bench.load;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * After a crash and a restart ({@code LoadDriver resume --ack-log=...}): the agents sign in again,
 * open their desks (which start from the replayed state: logged in, busy, in wrap-up, with their
 * chats), get ready and take the chats that are left; the customer of every acknowledged chat not
 * ended comes back as the widget does (the chat's status, its stream) and, once an agent is with
 * them, sends a last question ("질문 #n 다시 입니다", written to the acknowledged log when the server
 * answers 201); the agent answers it and ends the chat. A chat in which nobody speaks for {@code
 * --idle-end-seconds} after it was connected (a start the server stored whose customer never got
 * the answer) is ended by its agent. Bounded by {@code --duration}.
 */
final class Resume {

    private record Chat(String id, String token, long center) {}

    private Resume() {}

    static void run(Options options, List<Agent> agents, Server server, Run run) throws Exception {
        Map<String, Chat> chats = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(options.ackLog), StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts[0].equals("contact")) {
                chats.put(parts[1], new Chat(parts[1], parts[2], Long.parseLong(parts[3])));
            }
        }
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        Map<String, AtomicInteger> before = new ConcurrentHashMap<>();
        Map<String, String> after = new ConcurrentHashMap<>();
        AtomicInteger back = new AtomicInteger();
        var hadTheirTurn = new java.util.concurrent.CountDownLatch(chats.size());
        Semaphore parallel = new Semaphore(32);
        var customers = Executors.newVirtualThreadPerTaskExecutor();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (Chat chat : chats.values()) {
            parallel.acquire();
            running.add(customers.submit(() -> {
                String status;
                try {
                    status = status(server, chat);
                } finally {
                    parallel.release();
                }
                before.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                if (status.equals("ENDED")) {
                    after.put(chat.id(), "ENDED");
                    hadTheirTurn.countDown();
                    return null;
                }
                back.incrementAndGet();
                after.put(chat.id(), comeBack(options, server, run, chat, status, deadline, hadTheirTurn));
                return null;
            }));
        }
        parallel.acquire(32); // every status asked
        parallel.release(32);
        // Agents end silent chats only counting from here: a returning customer is slow on a busy machine.
        hadTheirTurn.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        run.customersBack = System.nanoTime();
        System.out.printf(
                "customers back: %d of %d acknowledged chats (the rest were ENDED); status when they came back: %s%n",
                back.get(), chats.size(), sorted(before));
        for (var customer : running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                customer.get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException late) {
                break;
            }
        }
        // Chats nobody speaks in are ended by their agents after --idle-end-seconds: give them that.
        long quiet = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(options.idleEndSeconds + 5));
        while (System.nanoTime() < quiet) {
            Thread.sleep(200);
        }
        customers.shutdownNow();
        Map<String, AtomicInteger> outcome = new ConcurrentHashMap<>();
        for (Chat chat : chats.values()) {
            String status = after.getOrDefault(chat.id(), "");
            if (!status.equals("ENDED")) {
                status = status(server, chat); // a customer still waiting when the time ran out
            }
            outcome.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (!status.equals("ENDED")) {
                System.out.println("still open: chat " + chat.id() + " of center " + chat.center() + ": " + status);
            }
        }
        System.out.printf(
                "after %.0f s: acknowledged chats by status %s; agents: %s; errors %s%n",
                (System.nanoTime() - began) / 1e9,
                sorted(outcome),
                Run.sorted(run.counts),
                Run.errors(run.steps.get(0)));
    }

    /**
     * The customer is back, as the widget does it: where the chat stands, the chat's stream beside it,
     * the last question once an agent is there; then the chat's status every second until it is ended
     * or the time is up. The stream is not waited for: the status asked each second is what the
     * check relies on, the stream only keeps the chat's customer present as a widget would.
     */
    private static String comeBack(
            Options options,
            Server server,
            Run run,
            Chat chat,
            String status,
            long deadline,
            java.util.concurrent.CountDownLatch hadTheirTurn) {
        var streamHeld = new java.util.concurrent.atomic.AtomicReference<InputStream>();
        Thread streaming = Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<InputStream> stream =
                        server.stream("/chat/api/conversations/" + chat.id() + "/stream?token=" + chat.token());
                if (stream.statusCode() != 200) {
                    run.error(null, "customer-stream-" + stream.statusCode());
                    return;
                }
                streamHeld.set(stream.body());
                Sse.read(
                        stream.body(),
                        (event, data) -> !(event.equals("status")
                                && Json.field(data, "status").equals("ENDED")));
            } catch (Exception closed) {
                // closed below, or the chat ended
            }
        });
        boolean asked = false;
        boolean tookTurn = false;
        String now = status(server, chat);
        run.count("customer-back-found-" + now);
        try {
            while (true) {
                if (now.equals("CONNECTED") && !asked) {
                    ask(options, server, run, chat);
                    asked = true;
                }
                if (!tookTurn && (asked || !now.equals("CONNECTED"))) {
                    tookTurn = true;
                    hadTheirTurn.countDown(); // spoke, or waits for an agent
                }
                if (now.equals("ENDED") || System.nanoTime() >= deadline) {
                    return now;
                }
                Thread.sleep(1000);
                now = status(server, chat);
            }
        } catch (InterruptedException stopped) {
            return status(server, chat);
        } finally {
            if (!tookTurn) {
                hadTheirTurn.countDown();
            }
            InputStream held = streamHeld.get();
            if (held != null) {
                try {
                    held.close();
                } catch (java.io.IOException ignored) {
                    // already closed
                }
            }
            streaming.interrupt();
        }
    }

    private static void ask(Options options, Server server, Run run, Chat chat) {
        String text = "질문 #" + options.exchanges + " 다시 입니다";
        try {
            HttpResponse<String> sent = server.postJson(
                    "/chat/api/conversations/" + chat.id() + "/messages?token=" + chat.token(),
                    "{\"text\": " + Json.quote(text) + "}");
            if (sent.statusCode() == 201) {
                run.acknowledged("message " + chat.id() + " " + text);
                run.count("customer-asked-again");
            } else {
                run.error(null, "message-" + sent.statusCode());
            }
        } catch (Exception failed) {
            run.error(null, "message-" + failed.getClass().getSimpleName());
        }
    }

    private static String status(Server server, Chat chat) {
        try {
            HttpResponse<String> view =
                    server.send(server.request("/chat/api/conversations/" + chat.id() + "?token=" + chat.token())
                            .GET()
                            .build());
            return view.statusCode() == 200 ? Json.field(view.body(), "status") : "HTTP " + view.statusCode();
        } catch (Exception failed) {
            return failed.getClass().getSimpleName();
        }
    }

    private static Map<String, Integer> sorted(Map<String, AtomicInteger> counts) {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }
}
