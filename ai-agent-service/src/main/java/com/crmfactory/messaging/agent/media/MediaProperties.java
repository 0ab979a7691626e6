package com.crmfactory.messaging.agent.media;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.media.*}: images are fetched only from these hosts (Twilio's media hosts by default:
 * {@code api.twilio.com}, any {@code *.twilio.com} and Twilio's media CDN), over HTTPS, with Twilio's
 * basic auth sent to Twilio's own hosts only, within a size and a content-type limit. Plain HTTP, and
 * hosts that resolve to loopback or private addresses, only for the hosts listed in
 * {@code insecure-http-hosts} (development: {@code localhost}). Anything else is refused without a
 * request: no SSRF through media URLs. See {@link MediaHostPolicy}.
 */
@ConfigurationProperties("agent.media")
public record MediaProperties(List<String> allowedHosts, List<String> insecureHttpHosts, long maxBytes,
        List<String> contentTypes, String accountSid, String authToken) {

    public MediaProperties {
        allowedHosts = allowedHosts == null
                ? List.of("api.twilio.com", "*.twilio.com", "media.twiliocdn.com", "mms.twiliocdn.com")
                : List.copyOf(allowedHosts);
        insecureHttpHosts = insecureHttpHosts == null ? List.of() : List.copyOf(insecureHttpHosts);
        maxBytes = maxBytes == 0 ? 5 * 1024 * 1024 : maxBytes;
        contentTypes = contentTypes == null ? List.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp")
                : List.copyOf(contentTypes);
    }
}
