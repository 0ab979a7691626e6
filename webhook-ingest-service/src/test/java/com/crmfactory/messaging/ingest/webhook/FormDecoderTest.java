package com.crmfactory.messaging.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

class FormDecoderTest {

    @Test
    void decodesPlusPercentAndUtf8LikeTwilioEncodesThem() {
        Map<String, String> params = FormDecoder.decode(
                "Body=Ahoy%21+caf%C3%A9+%F0%9F%91%8D&To=whatsapp%3A%2B15555550100&Empty=&Flag", true, "body");

        assertThat(params).containsExactly(
                Map.entry("Body", "Ahoy! café 👍"),
                Map.entry("To", "whatsapp:+15555550100"),
                Map.entry("Empty", ""),
                Map.entry("Flag", ""));
    }

    @Test
    void keepsValuesUntrimmedAndUnknownKeys() {
        assertThat(FormDecoder.decode("Body=+padded+&SomethingNew=1", true, "body"))
                .containsEntry("Body", " padded ").containsEntry("SomethingNew", "1");
    }

    @Test
    void everyFixtureDecodesToTheSameParametersAsAnIndependentDecoder() {
        for (String fixture : TwilioFixtures.all()) {
            assertThat(FormDecoder.decode(TwilioFixtures.body(fixture), true, "body"))
                    .as(fixture).containsExactlyEntriesOf(TwilioFixtures.params(fixture));
        }
    }

    @Test
    void aMalformedEscapeIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> FormDecoder.decode("Body=100%zz", true, "body"))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("body");
                });
    }

    @Test
    void aRepeatedParameterIsRefusedInABodyButNotInAQueryString() {
        assertThatThrownBy(() -> FormDecoder.decode("To=%2B1&To=%2B2", true, "body"))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.field()).isEqualTo("To"));
        assertThat(FormDecoder.decode("requestId=a&requestId=b", false, "query string")).containsEntry("requestId", "a");
    }

    @Test
    void emptyInputIsNoParameters() {
        assertThat(FormDecoder.decode("", true, "body")).isEmpty();
        assertThat(FormDecoder.decode(null, false, "query string")).isEmpty();
    }
}
