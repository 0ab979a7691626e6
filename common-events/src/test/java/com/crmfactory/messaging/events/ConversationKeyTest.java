package com.crmfactory.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmfactory.messaging.events.common.Channel;
import org.junit.jupiter.api.Test;

class ConversationKeyTest {

    @Test
    void buildsTheKeyFromItsParts() {
        assertThat(ConversationKey.of("org-1", Channel.SMS, "+14155550123").value())
                .isEqualTo("org-1:sms:+14155550123");
    }

    @Test
    void parsesAnAddressThatItselfContainsColons() {
        ConversationKey key = ConversationKey.parse("org-1:whatsapp:whatsapp:+14155550123");

        assertThat(key.orgId()).isEqualTo("org-1");
        assertThat(key.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(key.customerAddress()).isEqualTo("whatsapp:+14155550123");
        assertThat(key.value()).isEqualTo("org-1:whatsapp:whatsapp:+14155550123");
        assertThat(key.toString()).as("the address is personal data").doesNotContain("4155550123");
    }

    @Test
    void roundTripsThroughItsStringForm() {
        ConversationKey key = ConversationKey.of("7d1c3e52", Channel.EMAIL, "ada@example.com");
        assertThat(ConversationKey.parse(key.value())).isEqualTo(key);
    }

    @Test
    void anMmsBelongsToTheSmsConversation() {
        assertThat(ConversationKey.of("org-1", Channel.MMS, "+14155550123"))
                .isEqualTo(ConversationKey.of("org-1", Channel.SMS, "+14155550123"));
    }

    @Test
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> ConversationKey.parse("org-1:sms")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.parse("org-1:fax:+14155550123"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.parse("org-1:sms:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.of("org:1", Channel.SMS, "+14155550123"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.of(null, Channel.SMS, "+14155550123"))
                .isInstanceOf(NullPointerException.class).hasMessage("orgId");
    }
}
