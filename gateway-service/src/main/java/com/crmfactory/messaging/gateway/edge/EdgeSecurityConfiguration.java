package com.crmfactory.messaging.gateway.edge;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import com.crmfactory.messaging.gateway.admin.AdminAuthentication;
import com.crmfactory.messaging.gateway.admin.AdminAuthenticationManager;
import com.crmfactory.messaging.gateway.admin.AdminKey;
import com.crmfactory.messaging.gateway.agent.AgentUser;
import com.crmfactory.messaging.gateway.apikey.ApiKeyAuthenticator;
import com.crmfactory.messaging.gateway.auth.ApiKeyAuthentication;
import com.crmfactory.messaging.gateway.auth.ApiKeyAuthenticationManager;
import com.crmfactory.messaging.gateway.auth.ApiKeyRateLimitFilter;
import com.crmfactory.messaging.gateway.login.AgentAuthenticationManager;
import com.crmfactory.messaging.gateway.login.CsrfCookieFilter;
import com.crmfactory.messaging.gateway.login.CsrfRequirement;
import com.crmfactory.messaging.gateway.login.LoginResponses;
import com.crmfactory.messaging.gateway.login.LoginThrottle;
import com.crmfactory.messaging.gateway.login.LoginThrottleFilter;
import com.crmfactory.messaging.gateway.ratelimit.RateLimiter;
import com.crmfactory.messaging.gateway.security.AuthRejection;
import com.crmfactory.messaging.gateway.security.BearerCredential;
import com.crmfactory.messaging.gateway.security.BrowserHeaders;
import com.crmfactory.messaging.gateway.security.CorsProperties;
import com.crmfactory.messaging.gateway.security.EdgeFirewall;
import com.crmfactory.messaging.gateway.security.Rejections;
import com.crmfactory.messaging.gateway.web.Problem;
import com.crmfactory.messaging.gateway.web.ProblemWriter;

import io.micrometer.core.instrument.MeterRegistry;
/**
 * Who may call what at the edge: one security chain per area, first match wins, each matched on the
 * parsed path the router and the controllers use (the {@link EdgeFirewall} has already refused every
 * path whose raw spelling could be read another way).
 *
 * <table>
 * <tr><td>{@code /admin/v1/**}</td><td>the admin key only</td></tr>
 * <tr><td>{@code /api/v1/webhooks/**}</td><td>public (Twilio signs; webhook-ingest checks)</td></tr>
 * <tr><td>{@code /api/v1/**}</td><td>an org API key, or a signed-in agent's session cookie (writes with a
 * CSRF token), then the rate limit</td></tr>
 * <tr><td>{@code POST /login}, {@code POST /logout}</td><td>the web inbox's sign-in (CSRF token, throttled)</td></tr>
 * <tr><td>{@code /openapi}, {@code /openapi/**}, health probes, {@code GET /} and {@code GET /assets/**}
 * (the web inbox's files)</td><td>public</td></tr>
 * <tr><td>anything else</td><td>denied (404): a new route is closed until a rule here opens it</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/openapi", "/openapi/**", "/actuator/health/liveness",
            "/actuator/health/readiness"};
    /** The web inbox: its page and its content-hashed files, read-only. */
    static final String[] INBOX_PATHS = {"/", "/assets/**"};
    static final String[] LOGIN_PATHS = {"/login", "/logout"};

    private final Rejections rejections;
    private final CorsProperties cors;

    public EdgeSecurityConfiguration(Rejections rejections, CorsProperties cors) {
        this.rejections = rejections;
        this.cors = cors;
    }

    /** Picked up by Spring Security's filter chain proxy: runs before any chain is matched. */
    @Bean
    ServerWebExchangeFirewall edgeFirewall() {
        return new EdgeFirewall();
    }

    /**
     * The actuator on its own management port (a child context that shares this one's filters and handler
     * mappings): its endpoints are open there, the port being for operators only; nothing else is served.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain managementPort(ServerHttpSecurity http, ApplicationContext gateway) {
        ServerWebExchangeMatcher managementServer = exchange -> exchange.getApplicationContext() != null
                && exchange.getApplicationContext() != gateway
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        return common(http.securityMatcher(managementServer))
                .authorizeExchange(rules -> rules.matchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .anyExchange().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(rejections.entryPoint(Rejections.notServed())))
                .build();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain adminApi(ServerHttpSecurity http, AdminKey adminKey, ApiKeyAuthenticator orgKeys) {
        common(http.securityMatcher(pathMatchers("/admin/v1/**")));
        if (!adminKey.configured()) {
            AuthRejection disabled = AuthRejection.of("admin_api_disabled", Problem.of(
                    HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", AdminKey.DISABLED_REASON));
            return http.authorizeExchange(rules -> rules.anyExchange().denyAll())
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(rejections.entryPoint(disabled))
                            .accessDeniedHandler(rejections.accessDenied(disabled)))
                    .build();
        }
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(new AdminAuthenticationManager(adminKey, orgKeys));
        authentication.setServerAuthenticationConverter(BearerCredential.converter());
        authentication.setAuthenticationFailureHandler(rejections.failureHandler(AdminAuthenticationManager.missingKey()));
        return http.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(rules -> rules.anyExchange().hasAuthority(AdminAuthentication.AUTHORITY))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(rejections.entryPoint(AdminAuthenticationManager.missingKey()))
                        .accessDeniedHandler(rejections.accessDenied(AdminAuthenticationManager.orgKeyOnAdmin())))
                .build();
    }

    /** Before the API chain: the same prefix the webhook route matches, so keyless requests only reach ingest. */
    @Bean
    @Order(2)
    SecurityWebFilterChain webhooks(ServerHttpSecurity http) {
        return common(http.securityMatcher(pathMatchers("/api/v1/webhooks/**")))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    /**
     * An API key ({@code Authorization: Bearer}) is the credential whenever it is sent; otherwise the agent's
     * session (cookie), whose writes need the CSRF token.
     */
    @Bean
    @Order(3)
    SecurityWebFilterChain orgApi(ServerHttpSecurity http, ApiKeyAuthenticator keys, AdminKey adminKey,
            RateLimiter rateLimiter, ProblemWriter problems, MeterRegistry meters,
            ServerSecurityContextRepository sessionSecurityContext, ServerCsrfTokenRepository csrfTokens) {
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(new ApiKeyAuthenticationManager(keys, adminKey));
        authentication.setServerAuthenticationConverter(BearerCredential.converter());
        authentication.setAuthenticationFailureHandler(rejections.failureHandler(ApiKeyAuthenticationManager.invalidKey()));
        return sessionAware(common(http.securityMatcher(pathMatchers("/api/v1/**"))), sessionSecurityContext, csrfTokens,
                CsrfRequirement.forSessionWrites())
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(rules -> rules.anyExchange()
                        .hasAnyAuthority(ApiKeyAuthentication.AUTHORITY, AgentUser.AUTHORITY))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(rejections.entryPoint(ApiKeyAuthenticationManager.missingKey()))
                        .accessDeniedHandler(rejections.accessDenied(AuthRejection.forbidden("not_an_org_key",
                                "Org API key required", "/api/v1 needs an org's API key."))))
                .addFilterAfter(new ApiKeyRateLimitFilter(rateLimiter, problems, meters), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /**
     * The web inbox's sign-in: {@code POST /login} (form fields {@code username} = e-mail, {@code password}) →
     * 200 with the agent and a new session cookie, 401 when wrong, 429 when throttled; {@code POST /logout} → 204,
     * session ended. Both need the CSRF token (no login CSRF). Nothing else is served here.
     */
    @Bean
    @Order(4)
    SecurityWebFilterChain login(ServerHttpSecurity http, AgentAuthenticationManager agents, LoginResponses responses,
            LoginThrottle throttle, ServerSecurityContextRepository sessionSecurityContext,
            ServerCsrfTokenRepository csrfTokens) {
        return sessionAware(common(http.securityMatcher(pathMatchers(LOGIN_PATHS))), sessionSecurityContext, csrfTokens,
                CsrfRequirement.always())
                .formLogin(form -> form.loginPage("/login")
                        .requiresAuthenticationMatcher(pathMatchers(HttpMethod.POST, "/login"))
                        .authenticationManager(agents)
                        .securityContextRepository(sessionSecurityContext)
                        .authenticationSuccessHandler(responses.success())
                        .authenticationFailureHandler(responses.failure()))
                .addFilterBefore(new LoginThrottleFilter(throttle, responses), SecurityWebFiltersOrder.FORM_LOGIN)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(responses.loggedOut()))
                .authorizeExchange(rules -> rules.anyExchange().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(rejections.entryPoint(Rejections.notServed()))
                        .accessDeniedHandler(rejections.accessDenied(Rejections.notServed())))
                .build();
    }

    @Bean
    @Order(5)
    SecurityWebFilterChain publicPaths(ServerHttpSecurity http) {
        return common(http.securityMatcher(pathMatchers(PUBLIC_PATHS)))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    /** The web inbox's page and files: GET only, nothing else under those paths. */
    @Bean
    @Order(6)
    SecurityWebFilterChain inboxPageAndAssets(ServerHttpSecurity http) {
        return common(http.securityMatcher(pathMatchers(HttpMethod.GET, INBOX_PATHS)))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(7)
    SecurityWebFilterChain everythingElse(ServerHttpSecurity http) {
        return common(http)
                .authorizeExchange(rules -> rules.anyExchange().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(rejections.entryPoint(Rejections.notServed()))
                        .accessDeniedHandler(rejections.accessDenied(Rejections.notServed())))
                .build();
    }

    /**
     * The agent's session (web inbox) beside the bearer key: the security context is read from the web session,
     * and a write without a bearer key needs the CSRF token of the {@code XSRF-TOKEN} cookie in
     * {@code X-XSRF-TOKEN} (plain double-submit: the page's script sends the cookie's value), else 403.
     */
    private ServerHttpSecurity sessionAware(ServerHttpSecurity http, ServerSecurityContextRepository sessions,
            ServerCsrfTokenRepository csrfTokens, CsrfRequirement requirement) {
        AuthRejection badToken = AuthRejection.forbidden("csrf_token", "CSRF token missing or invalid",
                "A write from a signed-in session needs the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
        return http.securityContextRepository(sessions)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(requirement)
                        .accessDeniedHandler(rejections.accessDenied(badToken)))
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF);
    }

    /**
     * By default stateless: no session, no saved requests, no login pages or CSRF tokens ({@link #sessionAware}
     * adds the session and CSRF where a cookie authenticates). Browser headers come from {@link BrowserHeaders}.
     */
    private ServerHttpSecurity common(ServerHttpSecurity http) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        if (cors.enabled()) {
            http.cors(spec -> spec.configurationSource(corsSource()));
        } else {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        }
        return http;
    }

    private UrlBasedCorsConfigurationSource corsSource() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
        config.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, "X-RateLimit-Limit", "X-RateLimit-Remaining"));
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
