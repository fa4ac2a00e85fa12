package io.sangdam.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** What the page layout shows on every page: who is signed in, where, and where they can go. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final CurrentUsers currentUsers;
    private final CenterDirectory centers;
    private final List<NavigationLink> links;

    PageModel(CurrentUsers currentUsers, CenterDirectory centers, List<NavigationLink> links) {
        this.currentUsers = currentUsers;
        this.centers = centers;
        this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
    }

    @ModelAttribute("currentUser")
    @Nullable CurrentUser currentUser(HttpServletRequest request) {
        return forPage(request) ? currentUsers.find().orElse(null) : null;
    }

    @ModelAttribute("currentCenter")
    @Nullable Center currentCenter(HttpServletRequest request) {
        return forPage(request) ? currentUsers.find().flatMap(u -> centers.find(u.centerId())).orElse(null) : null;
    }

    @ModelAttribute("navigation")
    List<NavigationLink> navigation(HttpServletRequest request) {
        return forPage(request)
                ? currentUsers.find().map(u -> links.stream().filter(l -> l.shownTo(u)).toList()).orElse(List.of())
                : List.of();
    }

    /**
     * Whether the request renders a page. A {@code @RestController} is a {@code @Controller} too, so
     * this advice runs before every API call: without this check each one read the user's center
     * from the database for a layout it never renders.
     */
    private static boolean forPage(HttpServletRequest request) {
        return !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
                || !(handler.hasMethodAnnotation(ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return query == null ? path : path + "?" + query;
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink homeLink() {
            return new NavigationLink(0, "/", "nav.home", Set.of());
        }

        @Bean
        NavigationLink usersLink() {
            return new NavigationLink(900, "/admin/users", "nav.users", Set.of(Role.ADMINISTRATOR));
        }

        @Bean
        NavigationLink accessLogLink() {
            return new NavigationLink(910, "/access-log", "nav.access-log", Set.of(Role.PROTECTION_TEAM));
        }
    }
}
