package com.crmfactory.messaging.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access ({@code platform.gateway.cors.*}).
 *
 * @param allowedOrigins origins (e.g. {@code https://inbox.example.com}) whose browsers may call the API;
 *        empty (the default): no CORS at all, a browser on another origin cannot read any answer and its
 *        preflights are refused
 */
@ConfigurationProperties("platform.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }
}
