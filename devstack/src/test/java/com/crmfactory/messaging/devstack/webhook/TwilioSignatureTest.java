package com.crmfactory.messaging.devstack.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** Twilio's documented test vector (docs/twilio.md#signature). */
    @Test
    void matchesTwilioDocumentedVector() {
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675310",
                "Digits", "1234", "From", "+14158675310", "To", "+18005551212");
        assertThat(TwilioSignature.sign("12345", "https://example.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("L/OH5YylLD5NRKLltdqwSvS0BnU=");
    }

    @Test
    void theFormIsWhatTwilioSendsForWhatsApp() {
        Map<String, String> form = SendTestWebhook.form(Map.of("channel", "whatsapp", "from", "+14155550100", "body", "hi"));
        assertThat(form).containsEntry("From", "whatsapp:+14155550100").containsEntry("WaId", "14155550100")
                .containsEntry("Body", "hi").containsKey("MessageSid");
        assertThat(form.get("To")).startsWith("whatsapp:+");
    }
}
