package com.crmfactory.messaging.gateway.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default org created on an empty database ({@code platform.bootstrap.*}).
 *
 * @param enabled false: never create one
 * @param orgId its id (services see it in the org context and in conversation keys)
 * @param orgName its name
 * @param apiKey its API key ({@code PLATFORM_BOOTSTRAP_API_KEY}, e.g. from the local stack; at least 32
 *        characters); when unset a random key is generated and printed once
 * @param apiKeyFile where to also write the key (optional), for the local stack to show
 * @param smsNumber its SMS sender ({@code PLATFORM_TWILIO_SMS_NUMBER}), optional
 * @param whatsappNumber its WhatsApp sender ({@code PLATFORM_TWILIO_WHATSAPP_NUMBER}), optional, with or
 *        without the {@code whatsapp:} prefix
 */
@ConfigurationProperties("platform.bootstrap")
public record BootstrapProperties(@DefaultValue("true") boolean enabled, @DefaultValue("default") String orgId,
        @DefaultValue("Default org") String orgName, String apiKey, String apiKeyFile, String smsNumber,
        String whatsappNumber) {
}
