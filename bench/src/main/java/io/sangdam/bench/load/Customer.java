package io.sangdam.bench.load;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer in the web chat, as the widget does it: start the chat, open its stream (which starts
 * with the chat's status), and once an agent is connected ask a question, wait for the answer, ask
 * the next, until the agent ends it.
 */
final class Customer {
    private static final Pattern ANSWER = Pattern.compile("답변 #(\\d+)");

    private final Server server;
    private final Run run;
    private final Run.Step step;
    private final long center;
    private final String topic;
    private String id = "";
    private String token = "";
    private final AtomicBoolean talking = new AtomicBoolean();
    private boolean countedConnected;

    Customer(Server server, Run run, Run.Step step, long center, String topic) {
        this.server = server;
        this.run = run;
        this.step = step;
        this.center = center;
        this.topic = topic;
    }

    void chat() {
        long sent = System.nanoTime();
        HttpResponse<String> started;
        try {
            started = server.postJson(
                    "/chat/api/conversations", "{\"center\": " + center + ", \"topic\": \"" + topic + "\"}");
        } catch (Exception failed) {
            run.error(step, "start-" + failed.getClass().getSimpleName());
            return;
        }
        if (started.statusCode() != 201) {
            run.error(step, "start-" + started.statusCode());
            return;
        }
        step.start.add(System.nanoTime() - sent);
        step.started.increment();
        id = Json.field(started.body(), "conversation");
        token = Json.field(started.body(), "token");
        run.acknowledged("contact " + id + " " + token + " " + center);
        Run.Contact contact = run.contact(id);
        run.started(contact, sent, step);
        run.open.incrementAndGet();
        run.openCustomers.add(this);
        try {
            HttpResponse<InputStream> stream =
                    server.stream("/chat/api/conversations/" + id + "/stream?token=" + token);
            if (stream.statusCode() != 200) {
                run.error(step, "customer-stream-" + stream.statusCode());
                return;
            }
            // As the widget: the stream's first event says where the chat stands (an agent may have
            // accepted before the stream was open), so no request of its own asks.
            Sse.read(stream.body(), (event, data) -> {
                switch (event) {
                    case "status" -> {
                        String status = Json.field(data, "status");
                        if (status.equals("CONNECTED")) {
                            startTalking(contact);
                        } else if (status.equals("ENDED")) {
                            step.ended.increment();
                            stream.body().close();
                            return false;
                        }
                    }
                    case "message" -> {
                        if (Json.field(data, "sender").equals("AGENT")) {
                            Matcher answer = ANSWER.matcher(Json.field(data, "body"));
                            if (answer.find()) {
                                int k = Integer.parseInt(answer.group(1));
                                if (k == contact.exchange) {
                                    step.roundTrip.add(System.nanoTime() - contact.messageSent);
                                    if (k < run.options.exchanges) {
                                        ask(contact, k + 1);
                                    }
                                }
                            }
                        }
                    }
                    default -> {}
                }
                return true;
            });
        } catch (Exception lost) {
            run.error(step, "customer-" + lost.getClass().getSimpleName());
        } finally {
            run.openCustomers.remove(this);
            run.open.decrementAndGet();
            if (countedConnected) {
                run.connected.decrementAndGet();
            }
            run.contacts.remove(id);
        }
    }

    /** Closes a chat the run is leaving behind, as a customer who gives up. */
    void leave() {
        try {
            server.postJson("/chat/api/conversations/" + id + "/end?token=" + token, "{}");
        } catch (Exception ignored) {
            // the run is over; what could not be closed stays as it is
        }
    }

    private void startTalking(Run.Contact contact) {
        if (talking.compareAndSet(false, true)) {
            countedConnected = true;
            run.connected.incrementAndGet();
            ask(contact, 1);
        }
    }

    private void ask(Run.Contact contact, int k) {
        contact.exchange = k;
        contact.messageSent = System.nanoTime();
        String text = "질문 #" + k + " 입니다";
        try {
            HttpResponse<String> sent = server.postJson(
                    "/chat/api/conversations/" + id + "/messages?token=" + token,
                    "{\"text\": " + Json.quote(text) + "}");
            if (sent.statusCode() == 201) {
                run.acknowledged("message " + id + " " + text);
            } else {
                run.error(step, "message-" + sent.statusCode());
            }
        } catch (Exception failed) {
            run.error(step, "message-" + failed.getClass().getSimpleName());
        }
    }
}
