import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls per second and median latency of GET /api/me with an API token against HTTP Basic, in one
 * run against one server (bench/scripts/token-throughput starts it). Bounded: each mode runs a
 * warm-up and then a measured period, with a few client threads on loopback.
 *
 *   java bench/scripts/TokenThroughput.java http://127.0.0.1:18093 admin:sangdam2026! sdm_… 20 4
 */
public class TokenThroughput {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String basic = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + args[2];
        int seconds = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        for (String[] mode : new String[][] {{"Bearer token", bearer}, {"HTTP Basic", basic}}) {
            run(base, mode[1], 5, threads);
            var result = run(base, mode[1], seconds, threads);
            System.out.printf("%-13s %4d s, %d threads: %7.1f calls/s, median %6.1f ms, 95th %6.1f ms, %d calls, %d not 200%n",
                    mode[0], seconds, threads, result.calls / (double) seconds, result.percentile(0.5),
                    result.percentile(0.95), result.calls, result.failures);
        }
    }

    record Result(long calls, long failures, List<Double> millis) {
        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
        }
    }

    static Result run(String base, String authorization, int seconds, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", authorization).GET().build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        millis.add((System.nanoTime() - start) / 1e6);
                        calls.incrementAndGet();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(calls.get(), failures.get(), millis);
    }
}
