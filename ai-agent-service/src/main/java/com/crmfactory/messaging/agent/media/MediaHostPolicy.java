package com.crmfactory.messaging.agent.media;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which media URLs the agent may fetch. Hosts are compared on the host parsed from the URL, never on
 * the raw text: {@code eviltwilio.com}, {@code api.twilio.com.evil.io} or
 * {@code https://api.twilio.com@evil.io/} are other hosts. An allowed host is a name ({@code api.twilio.com}),
 * a name and port, or {@code *.twilio.com} (any subdomain, not the bare domain). HTTPS is required except
 * for hosts listed as insecure for development ({@code localhost} in tests and {@code ./omni}), and only
 * those may resolve to loopback, private or link-local addresses.
 */
final class MediaHostPolicy {

    /** Twilio's own hosts: the only ones its account credentials are ever sent to. */
    private static final List<String> TWILIO = List.of("api.twilio.com", "*.twilio.com");
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final List<String> allowedHosts;
    private final List<String> insecureHttpHosts;

    MediaHostPolicy(List<String> allowedHosts, List<String> insecureHttpHosts) {
        this.allowedHosts = lowerCase(allowedHosts);
        this.insecureHttpHosts = lowerCase(insecureHttpHosts);
    }

    /** @throws MediaRefusedException unless the URL's scheme, host and addresses are allowed */
    void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        // a development host is insecure on every port
        boolean development = insecureHttpHosts.contains(host) || matches(insecureHttpHosts, uri, host);
        if (uri.getRawUserInfo() != null || host.isEmpty() || !matches(allowedHosts, uri, host)) {
            throw new MediaRefusedException("media host not allowed: " + host);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && development)) {
            throw new MediaRefusedException("scheme not allowed for " + host + ": " + scheme);
        }
        if (!development) {
            requirePublicAddresses(host);
        }
    }

    /** Whether Twilio's credentials may go along: HTTPS to a Twilio host only. */
    boolean isTwilio(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null
                && matches(TWILIO, uri, host(uri));
    }

    private static boolean matches(List<String> patterns, URI uri, String host) {
        String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        for (String pattern : patterns) {
            if (pattern.equals(hostPort) || (uri.getPort() < 0 && pattern.equals(host))
                    || (pattern.startsWith("*.") && isSubdomain(host, pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code a.twilio.com} is under {@code .twilio.com}; {@code twilio.com} and {@code eviltwilio.com} are not. */
    private static boolean isSubdomain(String host, String dotDomain) {
        return DNS_NAME.matcher(host).matches() && host.endsWith(dotDomain) && host.length() > dotDomain.length();
    }

    private static void requirePublicAddresses(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    throw new MediaRefusedException("media host resolves to a non-public address: " + host);
                }
            }
        } catch (UnknownHostException e) {
            throw new MediaRefusedException("media host unknown: " + host);
        }
    }

    /** IPv6 fc00::/7, which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static List<String> lowerCase(List<String> hosts) {
        return hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    }
}
