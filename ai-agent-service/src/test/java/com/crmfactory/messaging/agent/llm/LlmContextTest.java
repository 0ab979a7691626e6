package com.crmfactory.messaging.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.dialogue.TurnInput;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.OrderLine;

class LlmContextTest {

    @Test
    void theModelGetsTheNameTheDraftTheLastPartAndTheEarlierMessages() {
        SessionContext c = SessionContext.builder().sessionId("s").orgId("o").contactId("c").channel(Channel.WHATSAPP)
                .customerAddress("whatsapp:+15550100001").businessAddress("whatsapp:+14155238886").contactName("Dana")
                .draft(new OrderDraft(List.of(new OrderLine("BRG-6204-2RS", "Deep groove ball bearing", 100,
                        new BigDecimal("6.48"))), "USD", new BigDecimal("648.00"), null))
                .pending(SessionContext.Pending.idle("BRG-6204-2RS")).build();
        String context = LlmDialogue.context(new TurnInput(c, "make it 200", null, List.of(), List.of(), List.of(), null,
                "34 earlier messages; parts named: VBT-A42"));
        assertThat(context).contains("customer name Dana").contains("100 x BRG-6204-2RS").contains("648.00 USD")
                .contains("part talked about last: BRG-6204-2RS").contains("34 earlier messages; parts named: VBT-A42");
    }
}
