package com.crmfactory.messaging.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.Topics;

class KafkaTopicsTest {

    private final KafkaTopicsProperties properties = new KafkaTopicsProperties(
            Map.of(Topics.OUTBOUND_REQUESTS, new KafkaTopicsProperties.OwnedTopic(6, false)),
            List.of(Topics.INBOUND, Topics.PLATFORM_TENANTS, Topics.OUTBOUND_REQUESTS, "someone-elses.topic"),
            new KafkaTopicsProperties.Retry(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)), 1, (short) 1);

    private final Map<String, NewTopic> topics = KafkaTopics.topics("svc", properties).stream()
            .collect(Collectors.toMap(NewTopic::name, topic -> topic));

    @Test
    void ownedTopicsHaveTheirConfiguredSettings() {
        assertThat(topics.get(Topics.OUTBOUND_REQUESTS).numPartitions()).isEqualTo(6);
    }

    @Test
    void consumedPlatformTopicsAreDeclaredWithTheirOwnersSettings() {
        assertThat(topics.get(Topics.INBOUND).numPartitions()).isEqualTo(12);
        assertThat(topics.get(Topics.PLATFORM_TENANTS).numPartitions()).isEqualTo(3);
        assertThat(topics.get(Topics.PLATFORM_TENANTS).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics).doesNotContainKey("someone-elses.topic");
    }

    @Test
    void everyConsumedTopicGetsADeadLetterTopic() {
        assertThat(topics).containsKeys("svc.dlt." + Topics.INBOUND, "svc.dlt." + Topics.PLATFORM_TENANTS,
                "svc.dlt." + Topics.OUTBOUND_REQUESTS, "svc.dlt.someone-elses.topic");
    }
}
