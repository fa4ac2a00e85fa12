package io.sangdam.bench.load;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent at the desktop, as the browser does it: form sign-in with the CSRF token, the desk's
 * event stream, log in and ready; then accept every offer, answer every customer message, end the
 * chat after the last answer and finish wrap-up at once. Where the center keeps agents in wrap-up
 * until the record is saved (the desk says so), it saves a short record of each ended chat instead,
 * which ends the wrap-up; against a build without that rule it behaves as before.
 */
final class Agent {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("질문 #(\\d+)");
    private static final Pattern MOST_SPECIFIC_CATEGORY =
            Pattern.compile("\"id\":(\\d+),\"parentId\":\\d+,\"level\":3");

    final String username;
    private final Server server;
    private final Run run;
    private String cookie = "";
    private String csrf = "";
    /**
     * After a restart: the agent's state and chats were replayed, so logging in and getting ready may
     * be refused as already done; an agent sent to not-ready (offers missed while its desk was gone)
     * gets ready again; and a chat in which the customer says nothing for {@code --idle-end-seconds}
     * is ended (a start the server stored whose customer never got its answer).
     */
    private final boolean resuming;

    /** The center waits for records ({@code UNTIL_RECORDED}): the category every record is saved with, else 0. */
    private long recordCategory;

    private final java.util.Map<String, Long> heard = new java.util.concurrent.ConcurrentHashMap<>();
    /** Chats this desk was told had ended (a reconnected desk also hears of chats still without a record). */
    private final java.util.Set<String> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Agent(String username, Server server, Run run) {
        this(username, server, run, false);
    }

    Agent(String username, Server server, Run run, boolean resuming) {
        this.username = username;
        this.server = server;
        this.run = run;
        this.resuming = resuming;
    }

    void signIn(String password) throws Exception {
        HttpResponse<String> page = server.send(server.request("/login").GET().build());
        takeCookie(page);
        Matcher hidden = HIDDEN_CSRF.matcher(page.body());
        if (!hidden.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = server.send(server.request("/login")
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(
                    "sign-in of " + username + " failed: " + signedIn.statusCode() + " " + location);
        }
        takeCookie(signedIn);
        HttpResponse<String> desk = server.send(
                server.request("/desk").header("Cookie", cookie).GET().build());
        Matcher meta = META_CSRF.matcher(desk.body());
        if (desk.statusCode() != 200 || !meta.find()) {
            throw new IllegalStateException("desk of " + username + " not shown: " + desk.statusCode());
        }
        csrf = meta.group(1);
        if (desk.body().contains("data-wrap-up-rule=\"UNTIL_RECORDED\"")) {
            HttpResponse<String> categories = server.send(server.request("/desk/api/categories")
                    .header("Cookie", cookie)
                    .GET()
                    .build());
            Matcher category = MOST_SPECIFIC_CATEGORY.matcher(categories.body());
            if (!category.find()) {
                throw new IllegalStateException("no category to record with: " + categories.statusCode());
            }
            recordCategory = Long.parseLong(category.group(1));
        }
    }

    /** Opens the desk's stream (on a thread of its own), then logs in and gets ready. */
    void goReady() throws Exception {
        HttpResponse<java.io.InputStream> stream = server.stream("/desk/api/stream", "Cookie", cookie);
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("desk stream of " + username + ": " + stream.statusCode());
        }
        Thread.ofVirtual().name("agent-" + username).start(() -> {
            try {
                Sse.read(stream.body(), this::on);
            } catch (Exception gone) {
                run.error(null, "agent-stream-lost");
            }
        });
        for (String step : List.of("/desk/api/login", "/desk/api/ready")) {
            HttpResponse<String> answer = post(step, "");
            // An agent a previous run left logged in and ready is fine as it is.
            boolean already = answer.statusCode() == 409
                    && (answer.body().contains("ALREADY") || answer.body().contains("AVAILABLE") || resuming);
            if (answer.statusCode() / 100 != 2 && !already) {
                throw new IllegalStateException(
                        step + " of " + username + ": " + answer.statusCode() + " " + answer.body());
            }
        }
    }

    private boolean on(String event, String data) {
        long now = System.nanoTime();
        switch (event) {
            case "offer" -> {
                String conversation = Json.field(data, "conversation");
                run.offered(conversation, now);
                act("accept", "/desk/api/offers/" + conversation + "/accept", "");
            }
            case "message" -> {
                if (Json.field(data, "sender").equals("CUSTOMER")) {
                    String conversation = Json.field(data, "conversationId");
                    Matcher question = QUESTION.matcher(Json.field(data, "body"));
                    Run.Contact contact = run.contacts.get(conversation);
                    Run.Step step = contact == null ? null : contact.step;
                    if (contact != null && step != null && contact.messageSent != 0) {
                        step.toAgent.add(now - contact.messageSent);
                    }
                    heard.put(conversation, now);
                    if (question.find()) {
                        int k = Integer.parseInt(question.group(1));
                        Thread.ofVirtual().start(() -> answer(conversation, k));
                    }
                }
            }
            case "state" -> {
                String state = Json.field(data, "state");
                if (state.equals("WRAP_UP") && recordCategory == 0) {
                    act("wrap-up-done", "/desk/api/wrap-up-done", "");
                } else if (state.equals("NOT_READY") && resuming) {
                    run.count("agent-ready-again");
                    act("ready", "/desk/api/ready", "");
                }
            }
            case "ended" -> {
                String conversation = Json.field(data, "conversation");
                // Once per chat: a reconnected desk is told again of chats still without a record.
                if (ended.add(conversation) && recordCategory != 0) {
                    act(
                            "record",
                            "/desk/api/conversations/" + conversation + "/record",
                            "{\"categoryId\": " + recordCategory + ", \"disposition\": \"RESOLVED\"}");
                }
            }
            case "connected" -> {
                if (resuming) {
                    String conversation = Json.field(data, "conversation");
                    Thread.ofVirtual().start(() -> endIfSilent(conversation, now));
                }
            }
            default -> {}
        }
        return true;
    }

    private void answer(String conversation, int k) {
        try {
            HttpResponse<String> sent = post(
                    "/desk/api/conversations/" + conversation + "/messages",
                    "{\"text\": " + Json.quote("답변 #" + k + " 드립니다") + "}");
            if (sent.statusCode() != 201) {
                run.error(null, "agent-message-" + sent.statusCode());
                return;
            }
            if (k >= run.options.exchanges) {
                Thread.sleep(run.options.holdMillis);
                HttpResponse<String> ended = post("/desk/api/conversations/" + conversation + "/end", "");
                if (ended.statusCode() / 100 != 2) {
                    run.error(null, "agent-end-" + ended.statusCode());
                }
            }
        } catch (Exception failed) {
            run.error(null, "agent-" + failed.getClass().getSimpleName());
        }
    }

    /**
     * Ends the chat if its customer has said nothing since the restart, {@code --idle-end-seconds}
     * after both the chat was connected and every returning customer had had their turn.
     */
    private void endIfSilent(String conversation, long connectedAt) {
        try {
            while (run.customersBack == 0) {
                Thread.sleep(200);
            }
            long due = Math.max(connectedAt, run.customersBack) + run.options.idleEndSeconds * 1_000_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (!heard.containsKey(conversation) && !ended.contains(conversation)) {
                HttpResponse<String> ended = post("/desk/api/conversations/" + conversation + "/end", "");
                run.count(
                        ended.statusCode() / 100 == 2
                                ? "agent-ended-silent-chat"
                                : "agent-end-silent-" + ended.statusCode());
                run.note("silent " + conversation);
            }
        } catch (Exception failed) {
            run.error(null, "agent-end-silent-" + failed.getClass().getSimpleName());
        }
    }

    private void act(String what, String path, String body) {
        Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<String> answer = post(path, body);
                if (answer.statusCode() / 100 != 2) {
                    run.error(null, what + "-" + answer.statusCode());
                }
            } catch (Exception failed) {
                run.error(null, what + "-" + failed.getClass().getSimpleName());
            }
        });
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return server.postJson(path, json.isEmpty() ? "{}" : json, "Cookie", cookie, "X-CSRF-TOKEN", csrf);
    }

    private void takeCookie(HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            if (set.startsWith("JSESSIONID=")) {
                cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
            }
        }
    }
}
