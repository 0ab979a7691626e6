package com.crmfactory.messaging.automation.action;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import com.crmfactory.messaging.automation.config.AutomationProperties;

/**
 * Which URLs an http_request may call (server-side request forgery guard, as ai-agent-service guards its
 * media fetches): https only, no credentials in the URL, and a host whose every DNS address is public —
 * not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata endpoint, fe80::/10), carrier-grade NAT (100.64/10), multicast or the any-address, nor an IPv6 address
 * carrying one of those as IPv4 (IPv4-compatible, NAT64, 6to4). Hosts listed in
 * {@code automation.http.insecure-hosts} (development and tests only) may use http and private addresses.
 * Redirects are never followed, so an allowed host cannot bounce a request inside the network.
 */
final class UrlGuard {

    /** DNS as the JDK answers it; a test gives its own (e.g. one that answers differently the second time). */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    /** A host whose DNS answer holds a non-public address: refused at connect time, never retried. */
    static final class NonPublicAddressException extends UnknownHostException {
        NonPublicAddressException(String host) {
            super("http_request: " + host + " resolves to a non-public address");
        }
    }

    private final AutomationProperties.Http properties;
    private final Lookup lookup;

    UrlGuard(AutomationProperties.Http properties) {
        this(properties, InetAddress::getAllByName);
    }

    UrlGuard(AutomationProperties.Http properties, Lookup lookup) {
        this.properties = properties;
        this.lookup = lookup;
    }

    /** @throws StepFailedException unless the URL may be called */
    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException("http_request: not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean development = properties.isInsecureHost(host);
        if (host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new StepFailedException("http_request: the URL needs a host and no credentials");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && development)) {
            throw new StepFailedException("http_request: only https URLs may be called");
        }
        try {
            resolve(host);
        } catch (NonPublicAddressException e) {
            throw new StepFailedException(e.getMessage());
        } catch (UnknownHostException e) {
            throw new StepFailedException("http_request: unknown host " + host);
        }
        return uri;
    }

    /**
     * The addresses a connection to the host may use, for the HTTP client's own DNS step: the connection goes to
     * exactly the addresses checked here, so a DNS answer that changes between {@link #check} and the connect (DNS
     * rebinding: public first, 127.0.0.1 next) cannot slip a private address in.
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.all(host);
        if (!properties.isInsecureHost(host)) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new NonPublicAddressException(host);
                }
            }
        }
        return addresses;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 192.0.0.0/24 protocol assignments
            return !(first == 100 && second >= 64 && second < 128) && first != 0
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
        }
        // fc00::/7 unique local addresses
        if ((bytes[0] & 0xfe) == 0xfc) {
            return false;
        }
        // an IPv4 address inside an IPv6 one (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:ab:cd::) is
        // as public as that IPv4 address: [::127.0.0.1] is loopback in disguise (Java maps only ::ffff:a.b.c.d to IPv4)
        byte[] embedded = embeddedIpv4(bytes);
        try {
            return embedded == null || isPublic(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException cannotHappen) {
            return false; // four bytes are always an IPv4 address
        }
    }

    /** The IPv4 address an IPv6 address carries by one of the standard embeddings, or null. */
    private static byte[] embeddedIpv4(byte[] v6) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= v6[i] == 0;
        }
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = v6[i] == 0;
        }
        if (compatible || nat64) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }
}
