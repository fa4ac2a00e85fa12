package io.sangdam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.RunningServer;
import io.sangdam.RunningServer.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The indexed lookup of request mappings picks the handler Spring's full scan would pick, for
 * every mapping of the application, and leaves the error answers to Spring.
 */
@RunningServer
class IndexedRequestMappingsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappingIsFoundThroughTheIndexAsByTheFullScan() throws Exception {
        var mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        assertThat(mappings.getClass().getSimpleName()).isEqualTo("IndexedRequestMappings");
        int checked = 0;
        for (Map.Entry<org.springframework.web.servlet.mvc.method.RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            String method = info.getMethodsCondition().getMethods().stream()
                    .findFirst()
                    .map(Enum::name)
                    .orElse("GET");
            for (String pattern : info.getPatternValues()) {
                // A concrete path for the pattern: each variable or wildcard becomes a plain segment.
                String path = pattern.replaceAll("\\{[^}]*\\}", "x1")
                        .replace("**", "x2")
                        .replace("*", "x3");
                var request = new MockHttpServletRequest(method, path);
                info.getParamsCondition().getExpressions().forEach(p -> request.addParameter(p.getName(), "1"));
                info.getHeadersCondition().getExpressions().forEach(h -> request.addHeader(h.getName(), "1"));
                info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .findFirst()
                        .ifPresent(type -> request.setContentType(type.toString()));
                ServletRequestPathUtils.parseAndCache(request);
                // Spring's full scan, written out: every mapping's match for the request, the best by Spring's order.
                var best = mappings.getHandlerMethods().entrySet().stream()
                        .map(other -> Map.entry(
                                other,
                                java.util.Optional.ofNullable(other.getKey().getMatchingCondition(request))))
                        .filter(match -> match.getValue().isPresent())
                        .min((one, other) ->
                                one.getValue().get().compareTo(other.getValue().get(), request))
                        .map(match -> match.getKey().getValue());
                if (best.isEmpty()) {
                    continue; // a condition the made-up request does not meet (a header value, a parameter value)
                }
                HandlerExecutionChain chain = mappings.getHandler(request);
                assertThat(chain).as(method + " " + path).isNotNull();
                assertThat(((HandlerMethod) chain.getHandler()).getMethod())
                        .as(method + " " + path)
                        .isEqualTo(best.get().getMethod());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void unknownPathsWrongMethodsAndVariablesAnswerAsBefore() {
        var api = ApiClient.on(port);
        assertThat(api.get("/chat/api/conversations/no-such-chat/status?token=x", null, null, "ko")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/chat/api/conversations/no-such-chat/end?token=x", null, null, "ko")
                        .status())
                .isEqualTo(405);
        assertThat(api.get("/chat/api/topics?center=5", null, null, "ko").status())
                .isEqualTo(200);
        assertThat(api.get("/chat/api/nothing/here", null, null, "ko").status()).isEqualTo(404);
    }
}
