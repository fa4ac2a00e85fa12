package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.identity.WritePermissions.Allowed;
import io.sangdam.identity.WritePermissions.Computes;
import io.sangdam.identity.WritePermissions.Roles;
import io.sangdam.identity.WritePermissions.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing endpoint Spring MVC knows (POST, PUT, PATCH, DELETE; pages, desk, board,
 * API, chat, cluster) has a decision in {@link WritePermissions}, and the table names no endpoint
 * that does not exist. A new endpoint without a decision fails here. The listing is written to
 * target/write-permissions.txt for review.
 */
@RunningServer
class WritePermissionsTests {

    private static final Set<RequestMethod> WRITES =
            EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    ApplicationContext context;

    record Endpoint(String method, String pattern, HandlerMethod handler) {}

    private List<Endpoint> stateChangingEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    // The error page answers the container's error dispatch of a request already decided.
                    if (org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(
                            handler.getBeanType())) {
                        return;
                    }
                    Set<RequestMethod> methods =
                            info.getMethodsCondition().getMethods().isEmpty()
                                    ? WRITES
                                    : info.getMethodsCondition().getMethods();
                    for (RequestMethod method : methods) {
                        if (WRITES.contains(method)) {
                            for (String pattern : info.getPatternValues()) {
                                endpoints.add(new Endpoint(method.name(), pattern, handler));
                            }
                        }
                    }
                }));
        return endpoints.stream().distinct().toList();
    }

    @Test
    void everyStateChangingEndpointHasADecision() throws IOException {
        var endpoints = stateChangingEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(90);
        List<String> missing = new ArrayList<>();
        var listing = new TreeSet<String>();
        for (Endpoint endpoint : endpoints) {
            var rule = WritePermissions.RULES.stream()
                    .filter(r -> r.method().name().equals(endpoint.method())
                            && r.pattern().equals(endpoint.pattern()))
                    .findFirst();
            if (rule.isEmpty()) {
                missing.add(endpoint.method() + " " + endpoint.pattern() + " (" + endpoint.handler() + ")");
            } else {
                listing.add(endpoint.pattern() + " " + endpoint.method() + " -> "
                        + describe(rule.get().allowed()));
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "write-permissions.txt"), listing);
        assertThat(missing)
                .as("state-changing endpoints without a decision in WritePermissions")
                .isEmpty();
    }

    @Test
    void everyDecisionNamesAnEndpointThatExists() {
        var endpoints = stateChangingEndpoints();
        var stale = WritePermissions.RULES.stream()
                .filter(rule -> endpoints.stream()
                        .noneMatch(e -> e.method().equals(rule.method().name())
                                && e.pattern().equals(rule.pattern())))
                .map(rule -> rule.method() + " " + rule.pattern())
                .toList();
        assertThat(stale).as("decisions for endpoints that do not exist").isEmpty();
    }

    @Test
    void theTableNeverAllowsWhatAnAnnotationRefuses() {
        List<String> wider = new ArrayList<>();
        for (Endpoint endpoint : stateChangingEndpoints()) {
            var rule = WritePermissions.ruleFor(
                    endpoint.method(), endpoint.pattern().replaceAll("\\{[^}]+}", "1"));
            Set<Role> annotated = annotatedRoles(endpoint.handler());
            if (rule.isEmpty() || annotated == null) {
                continue;
            }
            Set<Role> allowed = roles(rule.get().allowed());
            if (allowed != null && !annotated.containsAll(allowed)) {
                wider.add(endpoint.method() + " " + endpoint.pattern() + ": table " + allowed + ", annotation "
                        + annotated);
            }
        }
        assertThat(wider).isEmpty();
    }

    @Test
    void theExecutiveWritesNothingButTheirOwnAccount() {
        var writes = WritePermissions.RULES.stream()
                .filter(rule ->
                        rule.allowed() instanceof Roles roles && roles.roles().contains(Role.EXECUTIVE))
                .map(Rule::pattern)
                .toList();
        assertThat(writes).isEmpty();
        assertThat(WritePermissions.ruleFor("POST", "/workforce/holidays")
                        .orElseThrow()
                        .allowed())
                .isInstanceOfSatisfying(
                        Roles.class, roles -> assertThat(roles.roles()).doesNotContain(Role.EXECUTIVE));
    }

    private static String describe(Allowed allowed) {
        return switch (allowed) {
            case Roles roles -> "roles " + new TreeSet<>(roles.roles());
            case Computes computes -> "computes only, roles " + new TreeSet<>(computes.roles());
            case WritePermissions.OwnAccount own -> "own account (any signed-in user, not with a token)";
            case WritePermissions.Public open -> "public";
            case WritePermissions.ClusterNodes cluster -> "cluster";
        };
    }

    private static Set<Role> roles(Allowed allowed) {
        return switch (allowed) {
            case Roles roles -> roles.roles();
            case Computes computes -> computes.roles();
            default -> null;
        };
    }

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    /** The roles a method's or its class's {@code @PreAuthorize("hasRole(…)/hasAnyRole(…)")} lets in. */
    private static Set<Role> annotatedRoles(HandlerMethod handler) {
        PreAuthorize annotation = handler.getMethodAnnotation(PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (annotation == null || !annotation.value().matches("has(Any)?Role\\(.*\\)")) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Matcher matcher = ROLE.matcher(annotation.value());
        while (matcher.find()) {
            roles.add(Role.valueOf(matcher.group(1)));
        }
        return roles;
    }
}
