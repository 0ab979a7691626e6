package com.crmfactory.messaging.gateway.security;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The first check of every request, before security matching and routing: its raw path must already be
 * in the one spelling that the security rules, the router and the controllers all read the same way.
 * No {@code %} escape at all (no route needs one: org ids, UUIDs and names are plain ASCII), no {@code ;}
 * path parameters, no {@code //}, no {@code .} or {@code ..} segment, nothing but the unreserved and
 * sub-delimiter characters of RFC 3986 (so no {@code \}, control characters or non-ASCII). What passes
 * then goes through Spring Security's {@link StrictServerWebExchangeFirewall} (methods, header names and
 * values, normalisation).
 */
public final class EdgeFirewall implements ServerWebExchangeFirewall {

    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (!isCanonical(rawPath)) {
            return Mono.error(new ServerExchangeRejectedException("The request path is not in canonical form"));
        }
        return strict.getFirewalledExchange(exchange);
    }

    /** Whether a raw (undecoded) request path may reach security and routing. */
    static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/' || rawPath.contains("//")) {
            return false;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            if (!allowed(rawPath.charAt(i))) {
                return false;
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 unreserved, the sub-delimiters but ';', ':', '@' and '/'. */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,=:@/".indexOf(c) >= 0;
    }
}
