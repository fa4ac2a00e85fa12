package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's description names each body type once: springdoc names a schema by the class's simple
 * name, so two records called {@code NewEntry} became one schema and {@code POST
 * /api/protection/lexicon} was documented with the registry's fields (issue 15, finding 8).
 */
@RunningServer
class ApiSchemaNamesTests {

    @LocalServerPort
    int port;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theLexiconIsDocumentedWithItsOwnFields() {
        var docs = ApiClient.on(port).get("/v3/api-docs", null, null, "en").json();
        String reference = docs.at(
                        "/paths/~1api~1protection~1lexicon/post/requestBody/content/application~1json/schema/$ref")
                .asString();
        String schema = reference.substring(reference.lastIndexOf('/') + 1);
        assertThat(docs.at("/components/schemas/" + schema + "/properties").propertyNames())
                .containsExactlyInAnyOrder("category", "severity", "pattern");
    }

    @Test
    void noTwoApiTypesShareASimpleName() {
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getPatternValues().stream().noneMatch(path -> path.startsWith("/api/"))) {
                return;
            }
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), byName);
                }
            }
            collect(method.getMethod().getGenericReturnType(), byName);
        });
        Map<String, Set<Class<?>>> shared = new HashMap<>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                shared.put(name, classes);
            }
        });
        assertThat(shared).as("simple names used by more than one API type").isEmpty();
    }

    private static void collect(Type type, Map<String, Set<Class<?>>> byName) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, byName);
            }
        } else if (type instanceof Class<?> type1 && type1.getName().startsWith("io.sangdam.")) {
            byName.computeIfAbsent(type1.getSimpleName(), name -> new HashSet<>())
                    .add(type1);
            if (type1.isRecord()) {
                for (var component : type1.getRecordComponents()) {
                    if (!byName.getOrDefault(component.getType().getSimpleName(), Set.of())
                            .contains(component.getType())) {
                        collect(component.getGenericType(), byName);
                    }
                }
            }
        }
    }
}
