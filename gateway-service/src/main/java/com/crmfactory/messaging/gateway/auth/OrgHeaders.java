package com.crmfactory.messaging.gateway.auth;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * Headers through which a client might try to choose its org. The gateway removes every one of them
 * from every request (the webhooks and admin paths included) before adding its own signed
 * {@code X-Org-Context}: a client never chooses its org, its API key does.
 */
public final class OrgHeaders {

    private static final List<String> PREFIXES = List.of("x-org-", "x-tenant-");

    private OrgHeaders() {
    }

    public static boolean anyIn(HttpHeaders headers) {
        return headers.headerNames().stream().anyMatch(OrgHeaders::isOrgHeader);
    }

    public static void strip(HttpHeaders headers) {
        headers.headerNames().stream().filter(OrgHeaders::isOrgHeader).toList().forEach(headers::remove);
    }

    static boolean isOrgHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
