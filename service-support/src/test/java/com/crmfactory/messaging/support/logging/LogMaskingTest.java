package com.crmfactory.messaging.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void phoneNumbersKeepOnlyTheirLastFourDigits() {
        assertThat(LogMasking.mask("Inbound from +14155550123 to whatsapp:+14155238886"))
                .isEqualTo("Inbound from +*******0123 to whatsapp:+*******8886");
    }

    @Test
    void bareWhatsAppIdsAreMaskedToo() {
        assertThat(LogMasking.mask("WaId:14155550123")).isEqualTo("WaId:*******0123");
    }

    @Test
    void messageBodiesAreHidden() {
        assertThat(LogMasking.mask("params: Body=Where+is+my+order&From=x")).isEqualTo("params: Body=***&From=x");
        assertThat(LogMasking.mask("{\"body\":\"my card is 4111\",\"to\":\"a\"}")).isEqualTo("{\"body\":\"***\",\"to\":\"a\"}");
        assertThat(LogMasking.body("secret text")).isEqualTo("[body: 11 chars]");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Relayed 42 events in 17 ms for session 7f1c2a34-1b2c-4d5e-9f00-123456789abc, order SO-100234";
        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }
}
