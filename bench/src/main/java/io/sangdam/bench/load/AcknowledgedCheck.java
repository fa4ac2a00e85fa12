package io.sangdam.bench.load;

import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * After a crash: asks the server, as each customer would, for every chat it acknowledged during the
 * run (the {@code --ack-log} the driver wrote), and checks that the chat exists and that every
 * acknowledged message is in it exactly once. Writes the chats not ended, by center, to
 * {@code <ack-log>.open} ("center id" per line) for the comparison with the routing engine's state.
 */
final class AcknowledgedCheck {

    private record Chat(String id, String token, long center) {}

    private AcknowledgedCheck() {}

    static boolean run(Options options) throws Exception {
        if (options.ackLog == null) {
            throw new IllegalArgumentException("check needs --ack-log");
        }
        Map<String, Chat> chats = new LinkedHashMap<>();
        Map<String, List<String>> messages = new ConcurrentHashMap<>();
        for (String line : Files.readAllLines(Path.of(options.ackLog), StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 3);
            if (parts[0].equals("contact")) {
                String[] rest = parts[2].split(" ");
                chats.put(parts[1], new Chat(parts[1], rest[0], Long.parseLong(rest[1])));
            } else if (parts[0].equals("message")) {
                messages.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
            }
        }
        Server server = new Server(options.base, options.clients);
        AtomicInteger missingChats = new AtomicInteger();
        AtomicInteger missingMessages = new AtomicInteger();
        AtomicInteger duplicatedMessages = new AtomicInteger();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> open = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore parallel = new Semaphore(32);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Chat chat : chats.values()) {
                parallel.acquire();
                threads.submit(() -> {
                    try {
                        HttpResponse<String> view = server.send(
                                server.request("/chat/api/conversations/" + chat.id() + "?token=" + chat.token())
                                        .GET()
                                        .build());
                        if (view.statusCode() != 200) {
                            missingChats.incrementAndGet();
                            System.out.println("chat " + chat.id() + ": " + view.statusCode());
                            return null;
                        }
                        String status = Json.field(view.body(), "status");
                        statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                .incrementAndGet();
                        if (!status.equals("ENDED")) {
                            open.add(chat.center() + " " + chat.id());
                        }
                        for (String text : messages.getOrDefault(chat.id(), List.of())) {
                            int found = count(view.body(), "\"body\":" + Json.quote(text));
                            if (found == 0) {
                                missingMessages.incrementAndGet();
                                System.out.println("chat " + chat.id() + ": acknowledged message missing: " + text);
                            } else if (found > 1) {
                                duplicatedMessages.incrementAndGet();
                            }
                        }
                    } catch (Exception failed) {
                        missingChats.incrementAndGet();
                        System.out.println("chat " + chat.id() + ": " + failed);
                    } finally {
                        parallel.release();
                    }
                    return null;
                });
            }
        }
        try (var out =
                new PrintWriter(Files.newBufferedWriter(Path.of(options.ackLog + ".open"), StandardCharsets.UTF_8))) {
            open.forEach(out::println);
        }
        int acknowledgedMessages =
                messages.values().stream().mapToInt(List::size).sum();
        System.out.printf(
                "acknowledged chats: %d, of them missing: %d; statuses now: %s%n",
                chats.size(), missingChats.get(), statuses);
        System.out.printf(
                "acknowledged messages: %d, missing: %d, stored twice: %d%n",
                acknowledgedMessages, missingMessages.get(), duplicatedMessages.get());
        return missingChats.get() == 0 && missingMessages.get() == 0 && duplicatedMessages.get() == 0;
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
