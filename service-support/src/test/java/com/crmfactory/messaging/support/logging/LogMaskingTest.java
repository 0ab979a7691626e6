package com.crmfactory.messaging.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    private static final String PHONE = "+14155550123";
    private static final String EMAIL = "jane.doe@example.com";

    @Test
    void phoneNumbersKeepOnlyTheirLastFourDigits() {
        assertThat(LogMasking.mask("Inbound from +14155550123 to whatsapp:+14155238886"))
                .isEqualTo("Inbound from +*******0123 to whatsapp:+*******8886");
        assertThat(LogMasking.mask("From=whatsapp%3A%2B14155550123&To=%2B15005550006"))
                .isEqualTo("From=whatsapp%3A%2B*******0123&To=%2B*******0006");
        assertThat(LogMasking.phone("whatsapp:+14155550123")).isEqualTo("whatsapp:+*******0123");
    }

    @Test
    void bareWhatsAppIdsAreMaskedToo() {
        assertThat(LogMasking.mask("WaId:14155550123")).isEqualTo("WaId:*******0123");
    }

    @Test
    void emailAddressesAreMasked() {
        assertThat(LogMasking.mask("reply to " + EMAIL + " now")).isEqualTo("reply to ***@example.com now");
        assertThat(LogMasking.mask("to=jane.doe%40example.com&x=1")).doesNotContain("jane.doe");
    }

    @Test
    void wholeMessageBodiesAreHiddenInEveryShapeTheyAreLoggedIn() {
        assertThat(LogMasking.mask("params: Body=Where+is+my+order&From=x")).isEqualTo("params: Body=***&From=x");
        assertThat(LogMasking.mask("Body=Hello there friend")).isEqualTo("Body=***");
        assertThat(LogMasking.mask("{\"body\":\"my card is 4111\",\"to\":\"a\"}")).isEqualTo("{\"body\":\"***\",\"to\":\"a\"}");
        assertThat(LogMasking.mask("{\"text\":\"Hello \\\"there\\\" you\",\"subject\":\"Re: order\",\"transcript\":\"call me\"}"))
                .isEqualTo("{\"text\":\"***\",\"subject\":\"***\",\"transcript\":\"***\"}");
        assertThat(LogMasking.mask("payload {\"message\":\"truncated text with no end"))
                .isEqualTo("payload {\"message\":\"***");
        assertThat(LogMasking.mask("Reply[sessionId=s-1, body=Hello there, Tom & Jerry, to=whatsapp:+14155550123, media=[]]"))
                .isEqualTo("Reply[sessionId=s-1, body=***, to=whatsapp:+*******0123, media=[]]");
        assertThat(LogMasking.mask("{Body=Hello there, ButtonText=Yes please, From=+14155550123}"))
                .isEqualTo("{Body=***, ButtonText=***, From=+*******0123}");
        assertThat(LogMasking.mask("Interactive[kind=BUTTONS, body=Pick one]]")).isEqualTo("Interactive[kind=BUTTONS, body=***]]");
        assertThat(LogMasking.body("secret text")).isEqualTo("[body: 11 chars]");
    }

    @Test
    void credentialsAreMasked() {
        assertThat(LogMasking.mask("Authorization: Bearer omk_live_0123456789abcdef")).isEqualTo("Authorization: Bearer ***");
        assertThat(LogMasking.mask("key omk_live_0123456789abcdef and oma_admin_secret")).isEqualTo("key omk_*** and oma_***");
        assertThat(LogMasking.mask("GET https://AC00000000000000000000000000000001:0123456789abcdef0123456789abcdef@api.twilio.com/x"))
                .isEqualTo("GET https://***@api.twilio.com/x");
        assertThat(LogMasking.mask("auth token 0123456789abcdef0123456789abcdef rejected")).isEqualTo("auth token *** rejected");
        assertThat(LogMasking.mask("authToken=abc123 password: hunter2 {\"apiKey\":\"k-1\"}"))
                .isEqualTo("authToken=*** password: *** {\"apiKey\":\"***\"}");
        assertThat(LogMasking.mask("X-Org-Context v2.k3y1d.conversation-service.org_1.1767312000.c2lnbmF0dXJlLXNpZ25hdHVyZQ"))
                .isEqualTo("X-Org-Context ***");
        assertThat(LogMasking.mask("Authorization: Basic QUMwMDAwMDAwMDAwOjAxMjM0NTY3ODlhYmNkZWY=")).isEqualTo("Authorization: Basic ***");
    }

    @Test
    void aMessageSidIsNotATwilioToken() {
        String line = "accepted SM0123456789abcdef0123456789abcdef";
        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Relayed 42 events in 17 ms for session 7f1c2a34-1b2c-4d5e-9f00-123456789abc, order SO-100234";
        assertThat(LogMasking.mask(line)).isEqualTo(line);
        assertThat(LogMasking.mask("Using basic authentication")).isEqualTo("Using basic authentication");
    }

    @Test
    void nothingOfACustomerMessageSurvivesAnException() {
        String text = "Could not send Body=Hi, call me at " + PHONE + " or " + EMAIL + "&To=" + PHONE;
        String masked = LogMasking.mask(text);
        assertThat(masked).doesNotContain("call me").doesNotContain(PHONE).doesNotContain(EMAIL);
    }
}
