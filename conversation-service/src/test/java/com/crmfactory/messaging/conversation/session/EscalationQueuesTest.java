package com.crmfactory.messaging.conversation.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EscalationQueuesTest {

    @Test
    void intentsAreUpperCasedWithEverythingElseAnUnderscore() {
        assertThat(EscalationQueues.key("order-status")).isEqualTo("ORDER_STATUS");
        assertThat(EscalationQueues.key(" Billing question ")).isEqualTo("BILLING_QUESTION");
        assertThat(EscalationQueues.key("rückgabe")).isEqualTo("R_CKGABE");
    }

    @Test
    void theIntentsQueueThenTheDefaultThenTheHint() {
        MockEnvironment env = new MockEnvironment().withProperty("CONVERSATION_ESCALATION_QUEUE_ORDER_STATUS", "orders");
        EscalationQueues queues = new EscalationQueues(env);
        assertThat(queues.queueFor("order.status", "vip")).isEqualTo("orders");
        assertThat(queues.queueFor("returns", "vip")).isEqualTo("vip");
        assertThat(queues.queueFor(null, null)).isEqualTo("default");

        env.setProperty("CONVERSATION_ESCALATION_QUEUE_DEFAULT", "frontdesk");
        assertThat(queues.queueFor("returns", "vip")).isEqualTo("frontdesk");
        assertThat(queues.queueFor(null, null)).isEqualTo("frontdesk");
    }

    @Test
    void theSameSettingAsAProperty() {
        MockEnvironment env = new MockEnvironment().withProperty("conversation.escalation-queue.order_status", "orders");
        assertThat(new EscalationQueues(env).queueFor("order-status", null)).isEqualTo("orders");
    }
}
