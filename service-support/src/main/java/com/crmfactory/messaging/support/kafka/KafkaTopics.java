package com.crmfactory.messaging.support.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import com.crmfactory.messaging.events.Topics;

/** The topics a service creates at start-up: those it owns, and a dead-letter topic per consumed topic. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static KafkaAdmin.NewTopics declare(String service, KafkaTopicsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        properties.owned().forEach((name, topic) -> {
            TopicBuilder builder = TopicBuilder.name(name).partitions(topic.partitions())
                    .replicas(properties.replicationFactor());
            if (topic.compacted()) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
        });
        for (String consumed : properties.consumed()) {
            topics.add(TopicBuilder.name(Topics.deadLetter(service, consumed))
                    .partitions(properties.deadLetterPartitions()).replicas(properties.replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
