package com.crmfactory.messaging.ingest.webhook;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The URL Twilio called, which its signature covers: scheme, host, port, path and the raw query string
 * (never re-encoded). Behind a proxy the servlet sees an internal URL, so in order of preference:
 * <ol>
 * <li>{@code platform.webhooks.public-base-url} (scheme, host, port, optional path prefix) + the request path;</li>
 * <li>{@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port} (first value of each);</li>
 * <li>the request as received.</li>
 * </ol>
 * Trusting forwarded headers cannot forge a request: they only choose which URL the HMAC is checked
 * against, and a valid HMAC still needs the auth token. Default ports are left out; the SDK's validator
 * tries the URL with and without the port anyway.
 */
final class PublicUrl {

    private PublicUrl() {
    }

    static String of(HttpServletRequest request, URI configuredBase) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String suffix = query == null ? path : path + "?" + query;
        if (configuredBase != null) {
            return stripTrailingSlash(configuredBase.toString()) + suffix;
        }
        String scheme = firstValue(request.getHeader("X-Forwarded-Proto"));
        if (scheme == null) {
            scheme = request.getScheme();
        }
        String host = firstValue(request.getHeader("X-Forwarded-Host"));
        String port = firstValue(request.getHeader("X-Forwarded-Port"));
        if (host == null) {
            host = firstValue(request.getHeader("Host"));
        }
        if (host == null) {
            host = request.getServerName();
            port = port != null ? port : String.valueOf(request.getServerPort());
        }
        if (port != null) {
            host = withoutPort(host);
        } else {
            // the port rides in Host ("example.com:8443") unless the proxy sent it separately
            port = portOf(host);
            host = withoutPort(host);
        }
        return scheme + "://" + host + (port == null || isDefault(scheme, port) ? "" : ":" + port) + suffix;
    }

    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].trim();
        return first.isEmpty() ? null : first;
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        // "[::1]:8080" keeps its brackets; a bare IPv6 literal has no port to strip
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    private static String portOf(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(colon + 1) : null;
    }

    private static boolean isDefault(String scheme, String port) {
        return ("https".equalsIgnoreCase(scheme) && port.equals("443")) || ("http".equalsIgnoreCase(scheme) && port.equals("80"));
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
