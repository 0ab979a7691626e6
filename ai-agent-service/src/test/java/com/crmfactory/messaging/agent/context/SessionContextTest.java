package com.crmfactory.messaging.agent.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.agent.context.SessionContext.Pending;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.OrderLine;

class SessionContextTest {

    private final SessionContext opened = SessionContext.builder().sessionId("s1").orgId("org-1").contactId("c1")
            .channel(Channel.WHATSAPP).customerAddress("whatsapp:+14155550100").businessAddress("whatsapp:+14155238886")
            .contactName("Dana").build();

    @Test
    void aNewSessionIsTheAgentsWithNothingSaidYet() {
        assertThat(opened.handler()).isEqualTo(SessionContext.Handler.ai);
        assertThat(opened.greeted()).isFalse();
        assertThat(opened.notUnderstood()).isZero();
        assertThat(opened.pending()).isNull();
        assertThat(opened.draft()).isEqualTo(SessionContext.NO_DRAFT);
        assertThat(opened.lastAnsweredSeq()).isZero();
        assertThat(opened.customerPhone()).isEqualTo("+14155550100");
        assertThat(opened.conversationKey()).isEqualTo("org-1:whatsapp:whatsapp:+14155550100");
    }

    @Test
    void aTurnsChangesAreNewValuesAndLeaveTheSessionItStartedFromAsItWas() {
        OrderDraft draft = new OrderDraft(List.of(new OrderLine("SKU-1", "Bolt", 2, BigDecimal.ONE)), "USD",
                BigDecimal.valueOf(2), null);

        SessionContext after = opened.withGreeted(true).withNotUnderstood(1).withPending(new Pending("price", 5L))
                .withDraft(draft).withLastAnswer(7, "ask_price", 0.9);

        assertThat(after).isEqualTo(SessionContext.builder().sessionId("s1").orgId("org-1").contactId("c1")
                .channel(Channel.WHATSAPP).customerAddress("whatsapp:+14155550100").businessAddress("whatsapp:+14155238886")
                .contactName("Dana").greeted(true).notUnderstood(1).pending(new Pending("price", 5L)).draft(draft)
                .lastAnsweredSeq(7).lastIntent("ask_price").lastConfidence(0.9).build());
        assertThat(opened.greeted()).isFalse();
        assertThat(opened.draft()).isEqualTo(SessionContext.NO_DRAFT);
    }

    @Test
    void itsTextNeverShowsTheCustomer() {
        assertThat(opened.toString()).doesNotContain("+14155550100", "Dana");
    }
}
