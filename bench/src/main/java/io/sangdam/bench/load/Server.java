package io.sangdam.bench.load;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server under load, on loopback only. Requests are spread over a few HTTP/1.1 clients (each
 * has one selector thread); every SSE stream holds a connection of its own.
 */
final class Server {
    final URI base;
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    Server(String base, int clients) throws Exception {
        this.base = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        // The driver never leaves the machine: a load run against anything but loopback is refused.
        if (!InetAddress.getByName(this.base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        this.clients = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            this.clients[i] = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
        var builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** An event stream; the response arrives once the server has registered it. */
    HttpResponse<InputStream> stream(String path, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpClient client() {
        return clients[Math.floorMod(next.getAndIncrement(), clients.length)];
    }
}
