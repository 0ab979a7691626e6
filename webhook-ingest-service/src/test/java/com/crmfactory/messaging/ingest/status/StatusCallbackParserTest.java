package com.crmfactory.messaging.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.ingest.FixtureExpectations;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

class StatusCallbackParserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Iterable<String> statusFixtures() {
        return TwilioFixtures.statusCallbacks();
    }

    @ParameterizedTest
    @MethodSource("statusFixtures")
    void everyStatusFixtureBecomesTheExpectedEvent(String fixture) {
        TwilioWebhook webhook = new TwilioWebhook("https://example.com/twilio/status?requestId=req-1",
                TwilioFixtures.params(fixture), Map.of("requestId", "req-1"));

        DeliveryStatusReported event = StatusCallbackParser.parse(webhook, "org-1", NOW);

        assertThat(event).usingRecursiveComparison().ignoringFields("reportedAt")
                .isEqualTo(FixtureExpectations.status(fixture, "org-1", "req-1"));
        assertThat(event.reportedAt()).isEqualTo(NOW);
    }

    @Test
    void withoutARequestIdInTheUrlThereIsNone() {
        TwilioWebhook webhook = new TwilioWebhook("https://example.com/twilio/status",
                TwilioFixtures.params("status-sent.txt"), Map.of());

        assertThat(StatusCallbackParser.parse(webhook, "org-1", NOW).requestId()).isNull();
    }

    @Test
    void anUnknownStatusIsKeptAsTheProviderStatusAndMapsToUnknown() {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("status-sent.txt"));
        params.put("MessageStatus", "partially_delivered");

        DeliveryStatusReported event = StatusCallbackParser.parse(new TwilioWebhook("u", params, Map.of()), "org-1", NOW);

        assertThat(event.status()).isEqualTo(DeliveryStatus.UNKNOWN);
        assertThat(event.providerStatus()).isEqualTo("partially_delivered");
    }

    @Test
    void smsStatusStandsInForAMissingMessageStatusAndNeitherIsABadRequest() {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("status-delivered.txt"));
        params.remove("MessageStatus");
        assertThat(StatusCallbackParser.parse(new TwilioWebhook("u", params, Map.of()), "org-1", NOW).status())
                .isEqualTo(DeliveryStatus.DELIVERED);

        params.remove("SmsStatus");
        assertThatThrownBy(() -> StatusCallbackParser.parse(new TwilioWebhook("u", params, Map.of()), "org-1", NOW))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.field()).isEqualTo("MessageStatus"));
    }
}
