package com.crmfactory.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void deadLetterTopicIsPerConsumerAndSourceTopic() {
        assertThat(Topics.deadLetter("conversation-service", Topics.INBOUND))
                .isEqualTo("conversation-service.dlt.messaging.inbound.v1");
        assertThatThrownBy(() -> Topics.deadLetter(" ", Topics.INBOUND)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheStateTopicsAreCompacted() {
        assertThat(Topics.all()).filteredOn(Topics::isCompacted)
                .containsExactlyInAnyOrder(Topics.TEMPLATES_CATALOG, Topics.PLATFORM_TENANTS);
    }

    @Test
    void eventTypesAreListedPerTopic() {
        assertThat(EventType.onTopic(Topics.OUTBOUND_RESULTS)).containsExactly(EventType.OUTBOUND_MESSAGE_ACCEPTED,
                EventType.OUTBOUND_MESSAGE_FAILED, EventType.OUTBOUND_DELIVERY_UPDATED, EventType.CUSTOMER_OPT_OUT_CHANGED);
    }
}
