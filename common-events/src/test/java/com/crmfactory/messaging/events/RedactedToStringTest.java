package com.crmfactory.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.MessageView;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * No event prints a customer's message, number or address: every registered event type is built with
 * every text component (nested records included) set to each kind of personal data in turn, and its
 * {@code toString()} must contain none of it. A new event type or component is covered automatically.
 */
class RedactedToStringTest {

    /** Personal data as it reaches the records: texts, numbers in every provider spelling, addresses. */
    private static final List<String> PERSONAL = List.of(
            "Hello there, my card ends in 4111",
            "+14155550123",
            "whatsapp:+14155550123",
            "14155550123",
            "jane.doe@example.com",
            "Grüße aus Köln 👋");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noEventPrintsPersonalData(EventType type) {
        for (String value : PERSONAL) {
            String printed = RecordSamples.full(type.recordClass(), value).toString();

            assertThat(printed).as(type + " filled with '" + value + "'")
                    .startsWith(type.recordClass().getSimpleName() + "[")
                    .doesNotContain(value)
                    .doesNotContain("4155550123")
                    .doesNotContain("jane.doe");
        }
    }

    @Test
    void identifiersAndCodesStayReadable() {
        MessageView message = (MessageView) RecordSamples.full(MessageView.class, "msg-7f1c2a34");

        assertThat(message.toString()).contains("messageId=msg-7f1c2a34").contains("body=[12 chars]")
                .contains("from=[12 chars]").contains("channel=");
        assertThat(RecordSamples.full(MessageView.class, "Yes").toString()).as("a one-word text is still a text")
                .contains("body=[3 chars]").doesNotContain("body=Yes");
    }

    @Test
    void coordinatesAreHidden() {
        assertThat(new Location(37.774929, -122.419416, "1 Main St", "Home").toString())
                .doesNotContain("37.77").doesNotContain("122.41").doesNotContain("Main St").doesNotContain("Home");
    }

    @Test
    void aConversationKeyPrintsNoAddress() {
        ConversationKey key = ConversationKey.of("org-1", com.crmfactory.messaging.events.common.Channel.WHATSAPP,
                "whatsapp:+14155550123");

        assertThat(key.toString()).contains("org-1").doesNotContain("4155550123");
        assertThat(key.value()).isEqualTo("org-1:whatsapp:whatsapp:+14155550123");
    }
}
