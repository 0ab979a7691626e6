package com.crmfactory.messaging.ingest.webhook;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the Twilio webhooks are received ({@code platform.webhooks.*}).
 *
 * @param publicBaseUrl  scheme, host and port (and optional path prefix) Twilio calls, e.g.
 *                       {@code https://hooks.example.com}; the signature covers the URL Twilio called, which a
 *                       service behind a proxy cannot see. When unset, {@code X-Forwarded-Proto/Host/Port} or
 *                       the request itself give it.
 * @param maxBodySize    larger bodies are refused with 413 before they are read (Twilio's are a few KiB)
 * @param publishTimeout how long a webhook waits for Kafka's acknowledgement before answering 503; longer
 *                       than the producer's {@code delivery.timeout.ms}, so the producer has given up on the
 *                       record by the time we answer and a retried webhook is not racing its first attempt
 */
@ConfigurationProperties("platform.webhooks")
public record WebhookProperties(URI publicBaseUrl, @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration publishTimeout) {

    public WebhookProperties {
        if (publicBaseUrl != null && publicBaseUrl.toString().isBlank()) {
            publicBaseUrl = null;
        }
        if (publicBaseUrl != null && (publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null)) {
            throw new IllegalArgumentException("platform.webhooks.public-base-url must be absolute, e.g. https://hooks.example.com");
        }
    }
}
