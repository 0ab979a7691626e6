package com.crmfactory.messaging.gateway.security;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Reads {@code Authorization: Bearer <token>} (scheme case-insensitive). */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";
    /** Longer values are not keys; refusing them early keeps hashing cheap. */
    private static final int MAX_LENGTH = 512;

    private BearerToken() {
    }

    public static Optional<String> from(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).strip();
        return token.isEmpty() || token.length() > MAX_LENGTH ? Optional.empty() : Optional.of(token);
    }

    public static boolean present(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }
}
