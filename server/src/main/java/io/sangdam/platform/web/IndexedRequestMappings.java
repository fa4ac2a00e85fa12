package io.sangdam.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, indexed by the literal start of their paths.
 *
 * <p>For a path with a variable ({@code /chat/api/conversations/{id}/status}) Spring tries every
 * mapping of the application, about 175 here: under load that scan was the largest single item of
 * the server's CPU (9 % of the samples of a JFR recording at 120 chats/s). Only a mapping whose
 * leading literal segments are leading segments of the request's path can match it, so only those
 * are tried, and the best of them is chosen with Spring's own comparison.
 *
 * <p>Anything out of the ordinary goes to Spring's lookup, which also gives the 404, 405 and 415
 * answers: no match, two equally good matches, a CORS preflight, and an encoded or unusual path.
 */
final class IndexedRequestMappings extends RequestMappingHandlerMapping {

    private record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {}

    private volatile Map<String, List<Candidate>> byLiteralStart = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index(handlerMethods);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index(getHandlerMethods());
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index(getHandlerMethods());
    }

    private void index(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        Map<String, List<Candidate>> index = new HashMap<>();
        handlerMethods.forEach((mapping, handler) -> {
            Set<String> starts = new HashSet<>();
            if (mapping.getPatternValues().isEmpty()) {
                starts.add("");
            }
            mapping.getPatternValues().forEach(pattern -> starts.add(literalStart(pattern)));
            starts.forEach(start ->
                    index.computeIfAbsent(start, key -> new ArrayList<>()).add(new Candidate(mapping, handler)));
        });
        byLiteralStart = index;
    }

    /** The leading segments of a pattern before any variable or wildcard: {@code /chat/api/conversations} of the one above. */
    static String literalStart(String pattern) {
        StringBuilder start = new StringBuilder();
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
                break;
            }
            start.append('/').append(segment);
        }
        return start.toString();
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        if (lookupPath.indexOf('%') >= 0
                || lookupPath.indexOf(';') >= 0
                || lookupPath.contains("//")
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Map<String, List<Candidate>> index = byLiteralStart;
        List<Candidate> matches = new ArrayList<>(2);
        addMatches(index.get(""), request, matches);
        for (int slash = 0; slash >= 0; ) {
            int next = lookupPath.indexOf('/', slash + 1);
            String start = next < 0 ? lookupPath : lookupPath.substring(0, next);
            if (start.length() > 1) {
                addMatches(index.get(start), request, matches);
            }
            slash = next;
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Candidate best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            matches.sort((one, other) -> comparator.compare(one.mapping(), other.mapping()));
            best = matches.get(0);
            if (comparator.compare(best.mapping(), matches.get(1).mapping()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.mapping(), lookupPath, request);
        return best.handler();
    }

    private void addMatches(@Nullable List<Candidate> candidates, HttpServletRequest request, List<Candidate> matches) {
        if (candidates == null) {
            return;
        }
        for (Candidate candidate : candidates) {
            RequestMappingInfo match = getMatchingMapping(candidate.mapping(), request);
            if (match != null) {
                matches.add(new Candidate(match, candidate.handler()));
            }
        }
    }
}
