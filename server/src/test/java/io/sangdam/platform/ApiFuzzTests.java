package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every body-taking {@code /api/**} operation the API describes ({@code /v3/api-docs}) gets
 * malformed JSON, wrong types, null list elements, NUL and lone surrogates in strings, 100 KB
 * strings and absurd numbers, built from the operation's own schema, and must answer each with
 * problem details (a 4xx, {@code application/problem+json} with a {@code code}): never a 500 or
 * 503, never an HTML page, never a success (issue 15, "done when").
 *
 * <p>It shares the application context and demo data with every other {@link RunningServer}
 * test, so it only walks failure paths: path variables name things that do not exist, the
 * strings of a body that could otherwise succeed are unique to this run, and it calls as accounts
 * of its own. Randomness (where the
 * malformed JSON breaks off) comes from a seed that is printed; rerun with {@code -Dfuzz.seed=…}.
 */
@RunningServer
class ApiFuzzTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** 100 KB, and more characters than even the longest documented field (100,000) takes. */
    private static final String HUNDRED_KILOBYTES = "x".repeat(100 * 1024);

    private static final String PASSWORD = "Fuzz-Pass-2026!";
    private static final List<String> BODY_METHODS = List.of("post", "put", "patch");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The account that calls each kind of path, made for this run (see {@link #accounts}). */
    private final Map<String, String> users = new java.util.HashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    /** A failure path for each answer: the case, the request, and what came back. */
    private record Finding(String operation, String variant, int status, String contentType, String body) {

        @Override
        public String toString() {
            return operation + " [" + variant + "] answered " + status + " " + contentType + ": "
                    + body.substring(0, Math.min(300, body.length()));
        }
    }

    private record Variant(String name, String body) {}

    @Test
    void everyBodyTakingOperationAnswersBadInputWithProblemDetails() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ApiFuzzTests seed: " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        var random = new Random(seed);
        var api = ApiClient.on(port);
        accounts(api, seed);
        JsonNode docs = api.get("/v3/api-docs", null, null, "en").json();
        JsonNode schemas = docs.path("components").path("schemas");

        List<Finding> findings = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        long started = System.nanoTime();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : BODY_METHODS) {
                JsonNode operation = path.getValue().path(method);
                JsonNode schema = operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                operations++;
                String target = filled(path.getKey());
                String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode base = example(schema, schemas, 0, new int[] {0}, seed);
                for (Variant variant : variants(base, random)) {
                    HttpResponse<String> response =
                            send(method, target, variant.body(), users.get(roleFor(path.getKey())));
                    requests++;
                    String contentType =
                            response.headers().firstValue("Content-Type").orElse("");
                    if (!isProblem(response.statusCode(), contentType, response.body())) {
                        findings.add(
                                new Finding(name, variant.name(), response.statusCode(), contentType, response.body()));
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("ApiFuzzTests: %d operations, %d requests in %d s%n", operations, requests, seconds);
        assertThat(operations)
                .as("body-taking operations found in /v3/api-docs")
                .isGreaterThan(15);
        assertThat(findings)
                .as("answers that were not problem details (seed %d)", seed)
                .isEmpty();
    }

    /** A 4xx with problem details and a code; a 500, a 503, a success or HTML page is a finding. */
    private boolean isProblem(int status, String contentType, String body) {
        if (status < 400 || status >= 500 || !contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = json.readTree(body);
            return problem.path("code").isString()
                    && !problem.path("code").asString().isBlank();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private List<Variant> variants(JsonNode base, Random random) {
        List<Variant> variants = new ArrayList<>();
        String written = json.writeValueAsString(base);
        int cut = written.length() <= 1 ? 1 : 1 + random.nextInt(written.length() - 1);
        variants.add(new Variant("malformed JSON", written.substring(0, cut) + "\"}{,"));
        variants.add(new Variant("not an object", base.isObject() ? "[1, 2]" : "{\"unexpected\": true}"));
        variants.add(new Variant("wrong types", json.writeValueAsString(transform(base, ApiFuzzTests::wrongType))));
        if (contains(base, JsonNode::isArray)) {
            variants.add(new Variant("null in lists", json.writeValueAsString(transformArrays(base))));
        }
        if (contains(base, JsonNode::isString)) {
            // One field at a time, the others plausible: a NUL in one name once reached the
            // database while a refusal of another field would have hidden it.
            int strings = count(base, JsonNode::isString);
            for (int field = 0; field < strings; field++) {
                int target = field;
                variants.add(new Variant(
                        "NUL in string " + field,
                        json.writeValueAsString(
                                transformNth(base, target, node -> NODES.stringNode(node.asString() + "\u0000")))));
                // Jackson will not write a lone surrogate itself; the JSON escape is written by hand.
                variants.add(new Variant(
                        "lone surrogate in string " + field,
                        json.writeValueAsString(transformNth(
                                        base, target, node -> NODES.stringNode("__lone__" + node.asString())))
                                .replace("__lone__", "\\ud800")));
            }
            variants.add(new Variant(
                    "100 KB strings",
                    json.writeValueAsString(
                            transform(base, node -> node.isString() ? NODES.stringNode(HUNDRED_KILOBYTES) : node))));
        }
        if (contains(base, JsonNode::isNumber)) {
            // Written by hand where JSON cannot say it: 2^63 overflows a long, "NaN" is a string.
            for (String absurd : List.of("1e308", "-1", "9223372036854775808", "\"NaN\"")) {
                String marker = "\"__absurd__\"";
                String body = json.writeValueAsString(
                        transform(base, node -> node.isNumber() ? NODES.stringNode("__absurd__") : node));
                variants.add(new Variant("number " + absurd, body.replace(marker, absurd)));
            }
        }
        return variants;
    }

    private static int count(JsonNode node, java.util.function.Predicate<JsonNode> test) {
        int[] found = {0};
        transform(node, leaf -> {
            if (test.test(leaf)) {
                found[0]++;
            }
            return leaf;
        });
        return found[0];
    }

    /** The value with only its {@code n}-th string leaf (in document order) passed through {@code change}. */
    private static JsonNode transformNth(JsonNode node, int n, Function<JsonNode, JsonNode> change) {
        int[] seen = {0};
        return transform(node, leaf -> leaf.isString() && seen[0]++ == n ? change.apply(leaf) : leaf);
    }

    private static JsonNode wrongType(JsonNode node) {
        if (node.isString()) {
            return NODES.objectNode().put("not", "a string");
        }
        if (node.isNumber()) {
            return NODES.stringNode("not a number");
        }
        if (node.isBoolean()) {
            return NODES.stringNode("maybe");
        }
        return node;
    }

    /** The value with every leaf (string, number, boolean) passed through {@code change}; arrays and objects kept. */
    private static JsonNode transform(JsonNode node, Function<JsonNode, JsonNode> change) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), transform(field.getValue(), change));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode element : node) {
                copy.add(transform(element, change));
            }
            return copy;
        }
        return change.apply(node);
    }

    /** Every array becomes {@code [null]}. */
    private static JsonNode transformArrays(JsonNode node) {
        if (node.isArray()) {
            return NODES.arrayNode().addNull();
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), transformArrays(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    private static boolean contains(JsonNode node, java.util.function.Predicate<JsonNode> test) {
        if (test.test(node)) {
            return true;
        }
        for (Iterator<JsonNode> elements = node.iterator(); elements.hasNext(); ) {
            if (contains(elements.next(), test)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A plausible value of the schema: the first enum value, a unique string per run, 1 for
     * numbers, one element per list, one entry per map. A body that stays valid can then only name
     * things this run made up.
     */
    private static JsonNode example(JsonNode schema, JsonNode schemas, int depth, int[] counter, long seed) {
        if (schema.has("$ref")) {
            String reference = schema.get("$ref").asString();
            JsonNode target = schemas.path(reference.substring(reference.lastIndexOf('/') + 1));
            return depth > 6 ? NODES.nullNode() : example(target, schemas, depth + 1, counter, seed);
        }
        for (String combined : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combined) && !schema.get(combined).isEmpty()) {
                return example(schema.get(combined).get(0), schemas, depth, counter, seed);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), schemas, depth + 1, counter, seed));
                }
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject()) {
                    object.set("FUZZ" + (counter[0]++), example(additional, schemas, depth + 1, counter, seed));
                }
                return object;
            }
            case "array" -> {
                return NODES.arrayNode().add(example(schema.path("items"), schemas, depth + 1, counter, seed));
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return switch (schema.path("format").asString("")) {
                    case "date" -> NODES.stringNode("2026-12-07");
                    case "date-time" -> NODES.stringNode("2026-12-07T10:00:00Z");
                    case "uuid" -> NODES.stringNode("00000000-0000-0000-0000-00000000f022");
                    // Passes the usual rules for codes (capital letters, digits, _) as well as names.
                    default ->
                        NODES.stringNode(("FUZZ_" + Long.toString(seed & 0xffffff, 36) + "_" + (counter[0]++))
                                .toUpperCase(Locale.ROOT));
                };
            }
        }
    }

    /** OpenAPI 3.1 writes {@code "type": ["string", "null"]} for a nullable string. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    /** Path variables name nothing that exists: ids no demo center or test ever reaches. */
    private static String filled(String path) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        var filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1).toLowerCase(Locale.ROOT);
            boolean textual = name.contains("conversation")
                    || name.contains("code")
                    || name.contains("contact")
                    || name.contains("key")
                    || name.contains("type");
            variable.appendReplacement(filled, textual ? "fuzz-unknown" : "987654321");
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    /** The role that may call the path, so the body gets past the role check. */
    private static String roleFor(String path) {
        if (path.startsWith("/api/desk") || path.startsWith("/api/customer-panel")) {
            return "AGENT";
        }
        if (path.startsWith("/api/protection")) {
            return "PROTECTION_TEAM";
        }
        if (path.startsWith("/api/workforce")) {
            return "WFM_PLANNER";
        }
        return "ADMINISTRATOR";
    }

    /**
     * One account per role, at headquarters (no routed center gains an agent), made for this run.
     * Each API call checks its password, and the demo accounts' hashes cost a tenth of a second or
     * more of CPU each on a busy machine: these accounts get a cheap hash, so the whole run takes
     * seconds, not a minute.
     */
    private void accounts(ApiClient api, long seed) {
        long headquarters = jdbc.sql("select id from identity.center where kind = 'HQ'")
                .query(Long.class)
                .single();
        var cheap = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4);
        for (String role : List.of("ADMINISTRATOR", "PROTECTION_TEAM", "WFM_PLANNER", "AGENT")) {
            String username = ("fuzz." + role.toLowerCase(Locale.ROOT).replace("_", "") + "."
                    + Long.toString(seed & 0xffffff, 36));
            username = username.substring(0, Math.min(50, username.length()));
            var created = api.post(
                    "/api/users",
                    """
                    {"username": "%s", "displayName": "Fuzz %s", "centerId": %d, "roles": ["%s"], "password": "%s"}\
                    """.formatted(username, role, headquarters, role, PASSWORD),
                    "application/json",
                    "admin",
                    RunningServer.DEMO_PASSWORD,
                    "en");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            jdbc.sql("update identity.account set password_hash = ? where lower(username) = lower(?)")
                    .params("{bcrypt}" + cheap.encode(PASSWORD), username)
                    .update();
            users.put(role, username);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String username) {
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .method(
                        method.toUpperCase(Locale.ROOT),
                        HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return ApiClient.exchange(http, request);
    }
}
