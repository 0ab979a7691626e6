package com.crmfactory.messaging.gateway.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.support.web.UnprocessableException;

class NumberRulesTest {

    @Test
    void whatsappNumbersAreStoredAsTwilioSendsThemInTo() {
        assertThat(NumberRules.normalize("whatsapp", "+14155238886", null, null).address()).isEqualTo("whatsapp:+14155238886");
        NumberRules.Normalized prefixed = NumberRules.normalize("WhatsApp", " whatsapp:+14155238886 ", null, null);
        assertThat(prefixed.address()).isEqualTo("whatsapp:+14155238886");
        assertThat(prefixed.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(prefixed.type()).isEqualTo(SenderType.WHATSAPP);
    }

    @Test
    void smsNumbersAreE164LongCodesUnlessSaidOtherwise() {
        NumberRules.Normalized sms = NumberRules.normalize("sms", "+15005550006", null, null);
        assertThat(sms.address()).isEqualTo("+15005550006");
        assertThat(sms.type()).isEqualTo(SenderType.LONG_CODE);
        assertThat(NumberRules.normalize("sms", "+18005550100", "toll_free", null).type()).isEqualTo(SenderType.TOLL_FREE);
        assertThat(NumberRules.normalize("sms", "12345", "short_code", null).address()).isEqualTo("12345");
    }

    @Test
    void badInputNamesTheFieldAtFault() {
        assertThatThrownBy(() -> NumberRules.normalize("fax", "+15005550006", null, null))
                .isInstanceOf(UnprocessableException.class).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("channel");
        assertThatThrownBy(() -> NumberRules.normalize("sms", "5005550006", null, null))
                .isInstanceOf(UnprocessableException.class).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("address");
        assertThatThrownBy(() -> NumberRules.normalize("sms", "", null, null))
                .isInstanceOf(UnprocessableException.class).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("address");
        assertThatThrownBy(() -> NumberRules.normalize("whatsapp", "+15005550006", "long_code", null))
                .isInstanceOf(UnprocessableException.class).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("type");
        assertThatThrownBy(() -> NumberRules.normalize("sms", "+15005550006", null, "MG123"))
                .isInstanceOf(UnprocessableException.class).extracting(e -> ((UnprocessableException) e).field()).isEqualTo("messagingServiceSid");
    }
}
