package io.sangdam.identity;

import io.sangdam.platform.ClusterSecret;
import io.sangdam.platform.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Six doors: {@code /internal/**} is for the other server nodes only and takes nothing but the
 * cluster secret (no account, no session, no browser), {@code /chat/api/**} is the customers'
 * web chat (a conversation token on each call, no session), {@code /api/**} takes API tokens
 * (Bearer) and HTTP Basic for scripts and integrations (stateless, JSON writes from no other site,
 * answers in problem details), {@code /actuator/**} takes
 * HTTP Basic for monitoring, static files (style sheets, scripts, images) are open to all and read
 * no session, and everything else is the browser with form sign-in, CSRF protection and a new
 * session id after sign-in. In every chain, each write is decided by {@link WritePermissions}, and
 * password sign-ins are slowed by {@link SignInThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({SignInPolicy.class, SessionStorage.class})
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Password sign-in for the form and the API. The account's state (deactivated, locked) is
     * looked at only after the password proved right: with a wrong password a deactivated account
     * answers exactly as an unknown one, so a guess learns nothing about which accounts exist.
     * With the right password the user is told the account is deactivated (docs/api.md).
     */
    @Bean
    DaoAuthenticationProvider passwordSignIn(AccountSignIn accounts, PasswordEncoder passwords) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * Spring Security wraps each of its filters in an observation on every request: a tenth of the
     * server's CPU under load, for metrics nobody charts (http.server.requests stays).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Which sessions a user has, to end them when an administrator changes or deactivates the
     * account: the container's sessions of this node, or, with sessions in the database, the
     * sessions of every node (by the principal name Spring Session indexes).
     */
    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<JdbcIndexedSessionRepository> sharedSessions) {
        var shared = sharedSessions.getIfAvailable();
        return shared == null ? new SessionRegistryImpl() : new SharedSessionRegistry<>(shared);
    }

    // Tells the in-memory session registry when sessions end, so expired ones do not pile up.
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Other server nodes forwarding routing commands (docs/adr/0009): the cluster secret or nothing. */
    /**
     * What a browser may load and run on our pages: files from this server only. No inline script,
     * event-handler attribute, {@code eval}, style attribute or style element runs, so text that
     * slips past escaping into a page stays text (issue 15). Pages keep scripts and styles in
     * {@code static/}; {@code TemplateSafetyTests} holds templates to it, and every browser journey
     * fails on a violation the browser reports.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'");

    /**
     * Swagger UI, a third-party page that shows only the API's description, sets one inline style
     * the strict policy refuses: it alone may use style attributes and elements. Its scripts are
     * held to the same rule as ours.
     */
    static final String API_DOCUMENTATION_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher API_DOCUMENTATION =
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /**
     * The same response headers from every door: the policy above; no guessing of content types;
     * the address of a page (which may name a customer's conversation) not sent to other sites;
     * and Strict-Transport-Security, which Spring Security writes only on requests that came over
     * TLS (directly, or from a trusted proxy that says so: docs/operations.md).
     */
    private static HttpSecurity standardHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.addHeaderWriter((request, response) -> response.setHeader(
                        "Content-Security-Policy",
                        API_DOCUMENTATION.matches(request) ? API_DOCUMENTATION_POLICY : CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny())
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(STRICT_TRANSPORT_SECONDS)));
    }

    /** A year, as browsers' preload lists ask. */
    static final long STRICT_TRANSPORT_SECONDS = 365L * 24 * 60 * 60;

    @Bean
    @Order(0)
    SecurityFilterChain cluster(HttpSecurity http, ClusterSecret secret, Problems problems) throws Exception {
        standardHeaders(http)
                .securityMatcher("/internal/**")
                .addFilterBefore(clusterNode(secret), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(WriteAuthorization.STATE_CHANGING)
                        .access(new WriteAuthorization(AuthorityAuthorizationManager.hasRole(CLUSTER_NODE)))
                        .anyRequest()
                        .hasRole(CLUSTER_NODE))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler(denied(problems)))
                // A browser's session cookie is neither read nor made here.
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    static final String CLUSTER_NODE = "CLUSTER_NODE";

    /** Authenticates a request that carries the cluster secret (compared in constant time), nothing else. */
    private static Filter clusterNode(ClusterSecret secret) {
        return (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && secret.matches(http.getHeader(ClusterSecret.HEADER))) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "cluster-node", null, List.of(new SimpleGrantedAuthority("ROLE_" + CLUSTER_NODE))));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        };
    }

    /**
     * The customer's web chat. Customers have no account: each call carries its conversation's
     * token, never a cookie, so the widget may be embedded on any site (CORS without credentials,
     * no CSRF token). No session is read or made, and only the filters that still do something
     * here run: with thousands of widgets asking for their place in the queue, the browser
     * chain's filters were a fifth of the server's CPU.
     */
    @Bean
    @Order(1)
    SecurityFilterChain chatWidget(HttpSecurity http) throws Exception {
        openToAllWithoutSession(standardHeaders(http).securityMatcher("/chat/api/**"))
                .cors(cors -> cors.configurationSource(chatWidgetCors()));
        return http.build();
    }

    /**
     * Everyone may call, nobody needs to be known: no session is read or made, and the filters
     * that would only do work for a signed-in browser (request cache, anonymous user, logout,
     * CSRF) are left out.
     */
    private static HttpSecurity openToAllWithoutSession(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(WriteAuthorization.STATE_CHANGING)
                        .access(new WriteAuthorization((authentication, request) -> new AuthorizationDecision(true)))
                        .anyRequest()
                        .permitAll())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable());
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http, Problems problems, ApiTokens tokens, SignInThrottle throttle, java.time.Clock clock)
            throws Exception {
        standardHeaders(http)
                .securityMatcher("/api/**")
                .addFilterBefore(new CrossSiteWrites(problems), BasicAuthenticationFilter.class)
                .addFilterAfter(SignInThrottleFilter.forBasic(throttle, problems), CrossSiteWrites.class)
                .addFilterAfter(new BearerTokenFilter(tokens, problems, clock), SignInThrottleFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(WriteAuthorization.STATE_CHANGING)
                        .access(new WriteAuthorization(AuthenticatedAuthorizationManager.authenticated()))
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, failure) -> unauthenticated(problems, request, response, failure)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> unauthenticated(problems, request, response, failure))
                        .accessDeniedHandler(denied(problems)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic credentials are sent on every call, not by a browser's ambient cookie.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain monitoring(HttpSecurity http, Problems problems) throws Exception {
        standardHeaders(http)
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.ADMINISTRATOR.name()))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** What {@link #staticFiles} serves: the files of {@code static/} and the webjars. */
    static final RequestMatcher STATIC_FILES = new OrRequestMatcher(
            java.util.stream.Stream.of("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
                    .<RequestMatcher>map(PathPatternRequestMatcher.withDefaults()::matcher)
                    .toList());

    /**
     * Style sheets, scripts (the chat widget's too) and images: open to everyone, and nobody needs
     * to be known for them, so no session is read or made. With sessions in the database (docs/adr/0010)
     * a page's files would otherwise each read the session and write its last access; the session
     * filter leaves them alone as well ({@link DatabaseSessions}).
     */
    @Bean
    @Order(4)
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        openToAllWithoutSession(standardHeaders(http).securityMatcher(STATIC_FILES));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain pages(
            HttpSecurity http,
            SessionRegistry sessions,
            LocaleResolver locales,
            SignInThrottle throttle,
            Problems problems)
            throws Exception {
        standardHeaders(http)
                .addFilterBefore(
                        SignInThrottleFilter.forSignInForm(throttle, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // The customer's web chat page (its API has a chain of its own, above).
                        .requestMatchers("/chat")
                        .permitAll()
                        .requestMatchers(WriteAuthorization.STATE_CHANGING)
                        .access(new WriteAuthorization(AuthenticatedAuthorizationManager.authenticated()))
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn(locales))
                        .failureHandler(signInFailed())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredUrl("/login?expired"));
        return http.build();
    }

    private static org.springframework.web.cors.CorsConfigurationSource chatWidgetCors() {
        var widget = new org.springframework.web.cors.CorsConfiguration();
        widget.addAllowedOriginPattern("*");
        widget.addAllowedMethod("GET");
        widget.addAllowedMethod("POST");
        widget.addAllowedHeader("Content-Type");
        widget.addAllowedHeader("Accept-Language");
        widget.setAllowCredentials(false);
        var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/chat/api/**", widget);
        return source;
    }

    /** After sign-in the pages speak the user's chosen language. */
    private static SavedRequestAwareAuthenticationSuccessHandler signedIn(LocaleResolver locales) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (authentication.getPrincipal() instanceof SignedInUser user) {
                    locales.setLocale(
                            request,
                            response,
                            java.util.Locale.forLanguageTag(user.user().language()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        handler.setAlwaysUseDefaultTargetUrl(false);
        return handler;
    }

    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, failure) -> {
            String reason = switch (failure) {
                case LockedException locked -> "locked";
                case DisabledException disabled -> "disabled";
                default -> "bad";
            };
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    private static void unauthenticated(
            Problems problems,
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure)
            throws java.io.IOException {
        String code = switch (failure) {
            case LockedException locked -> "account-locked";
            case DisabledException disabled -> "account-disabled";
            default -> "unauthenticated";
        };
        // Not "Basic": a browser would offer its sign-in dialog and then send the remembered
        // password with every later request to the API, whichever site makes it (finding 4 of issue
        // 15). Scripts send Basic credentials without being asked, so nothing is lost for them.
        response.setHeader("WWW-Authenticate", BearerTokenFilter.CHALLENGE);
        problems.write(request, response, HttpStatus.UNAUTHORIZED, code);
    }

    private static AccessDeniedHandler denied(Problems problems) {
        return (request, response, failure) -> problems.write(request, response, HttpStatus.FORBIDDEN, "access-denied");
    }
}
