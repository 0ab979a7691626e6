package com.crmfactory.messaging.agent.media;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.media.*}: images are fetched only from these hosts (Twilio's media hosts by default),
 * over HTTPS unless {@code require-https} is off (local tests), with Twilio's basic auth, within a size
 * and a content-type limit. Anything else is refused without a request: no SSRF through media URLs.
 */
@ConfigurationProperties("agent.media")
public record MediaProperties(List<String> allowedHosts, boolean requireHttps, long maxBytes, List<String> contentTypes,
        String accountSid, String authToken) {

    public MediaProperties {
        allowedHosts = allowedHosts == null ? List.of("api.twilio.com", "media.twiliocdn.com", "mms.twiliocdn.com")
                : List.copyOf(allowedHosts);
        maxBytes = maxBytes == 0 ? 5 * 1024 * 1024 : maxBytes;
        contentTypes = contentTypes == null ? List.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp")
                : List.copyOf(contentTypes);
    }
}
