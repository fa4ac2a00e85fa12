package io.sangdam.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sign-in sessions in {@code identity.spring_session} (Spring Session JDBC) when
 * {@code sangdam.sessions.store=database}, so that every node reads the same sessions
 * (docs/adr/0010). Nothing of it exists with the default: the servlet container keeps sessions in
 * memory and the table stays empty. Spring Session deletes expired sessions every minute, from
 * every node (the same delete, harmless twice).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sangdam.sessions.store", havingValue = "database")
@EnableJdbcHttpSession(tableName = "identity.spring_session")
class DatabaseSessions {

    /** The same idle timeout as the container's sessions ({@code server.servlet.session.timeout}). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(Environment environment) {
        Duration timeout = Binder.get(environment)
                .bind("server.servlet.session.timeout", Duration.class)
                .orElse(Duration.ofMinutes(30));
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /**
     * The cookie the container would have set: the same name (sign-out deletes {@code JSESSIONID},
     * load balancers may know it), HttpOnly, SameSite=Lax, secure on HTTPS or when configured so.
     */
    @Bean
    CookieSerializer sessionCookie(Environment environment) {
        var binder = Binder.get(environment);
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(
                binder.bind("server.servlet.session.cookie.name", String.class).orElse("JSESSIONID"));
        cookie.setUseBase64Encoding(false);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        binder.bind("server.servlet.session.cookie.secure", Boolean.class).ifBound(cookie::setUseSecureCookie);
        return cookie;
    }

    /**
     * Before Spring Security's filters, and on async dispatches (event streams) and error pages
     * too, so that no request reaches the container's own sessions; but not for static files, whose
     * security chain needs no session ({@link SecurityConfiguration#STATIC_FILES}): a page's style
     * sheets and scripts would each read the session and write its last access.
     */
    @Bean
    FilterRegistrationBean<Filter> sessionFilter(SessionRepositoryFilter<? extends Session> filter) {
        Filter besideStaticFiles = (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && SecurityConfiguration.STATIC_FILES.matches(http)) {
                chain.doFilter(request, response);
            } else {
                filter.doFilter(request, response, chain);
            }
        };
        var registration = new FilterRegistrationBean<>(besideStaticFiles);
        registration.setName("sessionRepositoryFilterBesideStaticFiles");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setDispatcherTypes(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.REQUEST);
        return registration;
    }

    /** Registered above, wrapped: not once more by itself. */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<? extends Session>> sessionFilterItself(
            SessionRepositoryFilter<? extends Session> filter) {
        var registration = new FilterRegistrationBean<SessionRepositoryFilter<? extends Session>>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
