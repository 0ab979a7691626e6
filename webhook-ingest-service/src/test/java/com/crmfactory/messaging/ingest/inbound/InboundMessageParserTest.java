package com.crmfactory.messaging.ingest.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.InteractiveReplyType;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.FixtureExpectations;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

class InboundMessageParserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Iterable<String> inboundFixtures() {
        return TwilioFixtures.inbound();
    }

    private static TwilioWebhook webhook(Map<String, String> params) {
        return new TwilioWebhook("https://example.com/twilio/inbound", params, Map.of());
    }

    @ParameterizedTest
    @MethodSource("inboundFixtures")
    void everyInboundFixtureBecomesTheExpectedEvent(String fixture) {
        MessageReceived event = InboundMessageParser.parse(webhook(TwilioFixtures.params(fixture)), "org-1", NOW);

        assertThat(event).usingRecursiveComparison().ignoringFields("receivedAt")
                .isEqualTo(FixtureExpectations.inbound(fixture, "org-1"));
        assertThat(event.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void mediaIsReadByIndexWhateverNumMediaSays() {
        Map<String, String> params = sms();
        params.put("NumMedia", "2");
        params.put("MediaUrl1", "https://api.twilio.com/m/1");
        params.put("MediaContentType1", "video/mp4");
        params.put("MediaUrl0", "https://api.twilio.com/m/0");
        params.put("MediaContentType0", "image/png");

        MessageReceived event = InboundMessageParser.parse(webhook(params), "org-1", NOW);

        assertThat(event.triggerChannel()).isEqualTo(TriggerChannel.MMS);
        assertThat(event.media()).extracting("url", "contentType").containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://api.twilio.com/m/0", "image/png"),
                org.assertj.core.groups.Tuple.tuple("https://api.twilio.com/m/1", "video/mp4"));
    }

    @Test
    void aListReplyWithoutListTitleFallsBackToButtonTextThenBody() {
        Map<String, String> params = whatsapp();
        params.put("ListId", "item_7");
        params.put("Body", "Seven");
        assertThat(InboundMessageParser.parse(webhook(params), "org-1", NOW).interactiveReply())
                .satisfies(reply -> {
                    assertThat(reply.type()).isEqualTo(InteractiveReplyType.LIST);
                    assertThat(reply.id()).isEqualTo("item_7");
                    assertThat(reply.title()).isEqualTo("Seven");
                });

        params.put("ButtonText", "Seven (button)");
        assertThat(InboundMessageParser.parse(webhook(params), "org-1", NOW).interactiveReply().title())
                .isEqualTo("Seven (button)");
    }

    @Test
    void aButtonReplyWithoutButtonTextUsesTheBody() {
        Map<String, String> params = whatsapp();
        params.put("ButtonPayload", "yes");
        params.put("Body", "Yes please");

        assertThat(InboundMessageParser.parse(webhook(params), "org-1", NOW).interactiveReply())
                .satisfies(reply -> {
                    assertThat(reply.type()).isEqualTo(InteractiveReplyType.BUTTON);
                    assertThat(reply.id()).isEqualTo("yes");
                    assertThat(reply.title()).isEqualTo("Yes please");
                });
    }

    @Test
    void anUnknownOptOutTypeIsLeftOutNotRefused() {
        Map<String, String> params = sms();
        params.put("OptOutType", "PAUSE");

        assertThat(InboundMessageParser.parse(webhook(params), "org-1", NOW).optOutType()).isNull();
    }

    @Test
    void badCoordinatesAreABadRequestNamingTheField() {
        Map<String, String> params = whatsapp();
        params.put("Latitude", "north");
        params.put("Longitude", "1.0");
        assertThatThrownBy(() -> InboundMessageParser.parse(webhook(params), "org-1", NOW))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.field()).isEqualTo("Latitude"));

        params.put("Latitude", "12.5");
        params.put("Longitude", "200");
        assertThatThrownBy(() -> InboundMessageParser.parse(webhook(params), "org-1", NOW))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.field()).isEqualTo("Longitude"));
    }

    @Test
    void aWhatsAppSenderWithoutAPhoneNumberIsKeptAsWritten() {
        Map<String, String> params = whatsapp();
        params.put("From", "whatsapp:CC.4566546130240823");

        MessageReceived event = InboundMessageParser.parse(webhook(params), "org-1", NOW);

        assertThat(event.from()).isEqualTo("whatsapp:CC.4566546130240823");
        assertThat(event.conversationKey().value()).isEqualTo("org-1:whatsapp:whatsapp:CC.4566546130240823");
    }

    private static Map<String, String> sms() {
        return new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
    }

    private static Map<String, String> whatsapp() {
        return new LinkedHashMap<>(TwilioFixtures.params("whatsapp-inbound-text.txt"));
    }
}
