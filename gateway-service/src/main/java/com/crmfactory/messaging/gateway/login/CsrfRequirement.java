package com.crmfactory.messaging.gateway.login;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import com.crmfactory.messaging.gateway.security.BearerToken;

import reactor.core.publisher.Mono;

/**
 * Which requests need a CSRF token: writes that a browser could send on its own with the session cookie. A
 * request with an {@code Authorization: Bearer} header is authenticated by that header alone (an API key; a
 * cookie beside it is ignored, a wrong key is 401), which a foreign page cannot set: it needs no token.
 */
public final class CsrfRequirement implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /** The web session's cookie (server.reactive.session.cookie.name, Spring's default). */
    static final String SESSION_COOKIE = "SESSION";

    private final boolean onlyWithSessionCookie;

    private CsrfRequirement(boolean onlyWithSessionCookie) {
        this.onlyWithSessionCookie = onlyWithSessionCookie;
    }

    /** The API: only a write that carries the session cookie can be cookie-authenticated; others get 401. */
    public static CsrfRequirement forSessionWrites() {
        return new CsrfRequirement(true);
    }

    /** Sign-in and sign-out: always (no login CSRF, whether or not a session exists yet). */
    public static CsrfRequirement always() {
        return new CsrfRequirement(false);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        boolean bearer = BearerToken.from(exchange.getRequest()).isPresent();
        boolean cookie = !onlyWithSessionCookie || exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
        boolean needsToken = !SAFE.contains(exchange.getRequest().getMethod()) && !bearer && cookie;
        return needsToken ? MatchResult.match() : MatchResult.notMatch();
    }
}
