package io.sangdam;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole server on a random port with its embedded PostgreSQL and demo data, for tests that
 * talk HTTP to it like a client would. All such tests share one application context.
 */
@Target(ElementType.TYPE)
@java.lang.annotation.Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface RunningServer {

    String DEMO_PASSWORD = "sangdam2026!";

    /** A small HTTP client for the API, with HTTP Basic credentials. */
    record ApiClient(int port, HttpClient http, JsonMapper json) {

        public static ApiClient on(int port) {
            return new ApiClient(
                    port, HttpClient.newHttpClient(), JsonMapper.builder().build());
        }

        public Response get(String path, String username, String password, String language) {
            return send(request(path, username, password, language).GET().build());
        }

        public Response post(
                String path, String body, String contentType, String username, String password, String language) {
            return send(request(path, username, password, language)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build());
        }

        /** PUT of a JSON body as a demo account, in Korean. */
        public Response put(String path, String json, String username) {
            return send(request(path, username, DEMO_PASSWORD, "ko")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
        }

        /** DELETE as a demo account, in Korean. */
        public Response delete(String path, String username) {
            return send(request(path, username, DEMO_PASSWORD, "ko").DELETE().build());
        }

        public Response delete(String path, String username, String password, String language) {
            return send(request(path, username, password, language).DELETE().build());
        }

        public Response put(String path, String json, String username, String password, String language) {
            return send(request(path, username, password, language)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
        }

        private HttpRequest.Builder request(String path, String username, String password, String language) {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", language);
            if (username != null) {
                String credentials = Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
                builder.header("Authorization", "Basic " + credentials);
            }
            return builder;
        }

        /** Sends a request and reads the answer as UTF-8 text; failures become unchecked, as a test wants them. */
        public static HttpResponse<String> exchange(HttpClient http, HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Response send(HttpRequest request) {
            HttpResponse<String> response = exchange(http, request);
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    json);
        }
    }

    record Response(int status, String contentType, String body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }
    }
}
