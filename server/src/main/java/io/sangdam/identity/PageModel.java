package io.sangdam.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the page layout shows on every page: who is signed in, where, and where they can go.
 *
 * <p>Added after the handler, and only when it renders a view. As a {@code @ControllerAdvice} with
 * {@code @ModelAttribute} methods it ran before every API call too (a {@code @RestController} is a
 * {@code @Controller}): four reflective calls and their set-up on each of the thousands of chat
 * requests a second that never render a layout.
 */
@Component
class PageModel implements HandlerInterceptor, WebMvcConfigurer {

    private final CurrentUsers currentUsers;
    private final CenterDirectory centers;
    private final List<NavigationLink> links;

    PageModel(CurrentUsers currentUsers, CenterDirectory centers, List<NavigationLink> links) {
        this.currentUsers = currentUsers;
        this.centers = centers;
        this.links = links.stream()
                .sorted(Comparator.comparingInt(NavigationLink::order))
                .toList();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/chat/api/**", "/internal/**", "/actuator/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null
                || !page.isReference()
                || page.getViewName() == null
                || page.getViewName().startsWith("redirect:")) {
            return;
        }
        CurrentUser user = currentUsers.find().orElse(null);
        page.addObject("currentUser", user);
        page.addObject(
                "currentCenter",
                user == null ? null : centers.find(user.centerId()).orElse(null));
        page.addObject(
                "navigation",
                user == null
                        ? List.of()
                        : links.stream().filter(l -> l.shownTo(user)).toList());
        page.addObject("requestPath", requestPath(request));
    }

    private static String requestPath(HttpServletRequest request) {
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
