package com.crmfactory.messaging.outbound.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.crmfactory.messaging.events.common.SenderType;

/** {@code platform.outbound.rate-limits.*}: messages per second per sender, by sender type; 0 = unlimited. */
@ConfigurationProperties("platform.outbound.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1") double longCode,
        @DefaultValue("3") double tollFree, @DefaultValue("100") double shortCode, @DefaultValue("80") double whatsapp) {

    public double perSecond(SenderType type) {
        return switch (type == null ? SenderType.LONG_CODE : type) {
            case LONG_CODE -> longCode;
            case TOLL_FREE -> tollFree;
            case SHORT_CODE -> shortCode;
            case WHATSAPP -> whatsapp;
        };
    }
}
