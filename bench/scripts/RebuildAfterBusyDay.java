import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two halves of bench/scripts/rebuild-after-day, which starts and restarts the server.
 *
 * <p>{@code day}: a busy day of one center through the routing commands API: contacts arrive in a
 * queue and end (a waiting contact that ends counts as abandoned), {@code concurrency} at a time,
 * two commands each, until {@code commands} commands are stored; then {@code waiting} contacts
 * arrive and stay, for the rebuild to bring back.
 *
 * <p>{@code rebuilt}: after the restart, waits until the center answers its state with every
 * contact left waiting, and prints how long that took from the server's start (given in epoch
 * milliseconds) and from the first answer of the web server, the rebuild's share.
 *
 *   java bench/scripts/RebuildAfterBusyDay.java day http://127.0.0.1:18094 sdm_… 2 TECH 1000000 32 10
 *   java bench/scripts/RebuildAfterBusyDay.java rebuilt http://127.0.0.1:18094 sdm_… 2 TECH 10 1733600000000
 */
public class RebuildAfterBusyDay {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        String bearer = "Bearer " + args[2];
        long center = Long.parseLong(args[3]);
        String queue = args[4];
        String api = base + "/api/routing/centers/" + center;
        if (args[0].equals("day")) {
            day(api, bearer, queue, Long.parseLong(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            // The HTTP client's threads would keep the JVM running.
            System.exit(0);
        } else {
            rebuilt(base, api, bearer, Integer.parseInt(args[5]), Long.parseLong(args[6]));
        }
    }

    private static void day(String api, String bearer, String queue, long commands, int concurrency, int waiting)
            throws Exception {
        long contacts = commands / 2;
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        long step = Math.max(1, contacts / 10);
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (long n; (n = next.getAndIncrement()) < contacts; ) {
                        String contact = "day-" + n;
                        if (!post(api + "/contacts", bearer, "{\"contact\": \"" + contact + "\", \"queue\": \"" + queue + "\"}")
                                | !post(api + "/contacts/" + contact + "/end", bearer, "{}")) {
                            failures.incrementAndGet();
                        }
                        if ((n + 1) % step == 0) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            System.out.printf("   %,d contacts, %,d commands in %.0f s (%.0f commands/s)%n",
                                    n + 1, 2 * (n + 1), seconds, 2 * (n + 1) / seconds);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        for (int i = 0; i < waiting; i++) {
            if (!post(api + "/contacts", bearer, "{\"contact\": \"day-waiting-" + i + "\", \"queue\": \"" + queue + "\"}")) {
                failures.incrementAndGet();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("day: %,d commands in %.0f s (%.0f commands/s), %d contacts left waiting, %d calls failed%n",
                2 * contacts + waiting, seconds, (2 * contacts + waiting) / seconds, waiting, failures.get());
        if (failures.get() > 0) {
            System.exit(1);
        }
    }

    private static void rebuilt(String base, String api, String bearer, int waiting, long serverStartedMillis)
            throws Exception {
        long webAnswered = 0;
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (webAnswered == 0 && get(base + "/api/me", bearer).statusCode() == 200) {
                webAnswered = System.currentTimeMillis();
            }
            HttpResponse<String> state = get(api + "/state", bearer);
            if (state.statusCode() == 200) {
                int found = 0;
                for (int i = 0; i < waiting; i++) {
                    found += state.body().contains("\"day-waiting-" + i + "\"") ? 1 : 0;
                }
                long routing = System.currentTimeMillis();
                if (webAnswered == 0) {
                    webAnswered = routing;
                }
                System.out.printf(
                        "rebuilt: the center routes %.1f s after the server's start, %.1f s after its web server"
                                + " answered; %d of %d contacts left waiting are back%n",
                        (routing - serverStartedMillis) / 1000.0,
                        (routing - webAnswered) / 1000.0,
                        found,
                        waiting);
                System.exit(found == waiting ? 0 : 1);
            }
            Thread.sleep(100);
        }
        System.out.println("rebuilt: the center did not route within 30 minutes");
        System.exit(1);
    }

    private static boolean post(String url, String bearer, String json) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", bearer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2;
        } catch (Exception failed) {
            return false;
        }
    }

    private static HttpResponse<String> get(String url, String bearer) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", bearer)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception notYet) {
            return new NoAnswer(url);
        }
    }

    /** Nothing listens yet: treated as a status 0. */
    private record NoAnswer(String url) implements HttpResponse<String> {
        public int statusCode() { return 0; }
        public HttpRequest request() { return HttpRequest.newBuilder(URI.create(url)).build(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return URI.create(url); }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
