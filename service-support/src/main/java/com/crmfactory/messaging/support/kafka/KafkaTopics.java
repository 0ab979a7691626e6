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

    /** Partitions of the platform's topics: compacted state topics are small, conversation streams are not. */
    static final int STREAM_PARTITIONS = 12;
    static final int STATE_PARTITIONS = 3;

    private KafkaTopics() {
    }

    /**
     * The topics to create if missing. Consumed platform topics are declared too, with the same settings
     * their owner uses: otherwise a consumer that starts first would get the topic auto-created with one
     * partition, and partitions the owner adds later reach a running consumer only minutes afterwards.
     */
    public static KafkaAdmin.NewTopics declare(String service, KafkaTopicsProperties properties) {
        return new KafkaAdmin.NewTopics(topics(service, properties).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topics(String service, KafkaTopicsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        properties.owned().forEach((name, topic) -> topics.add(topic(name, topic.partitions(), topic.compacted(),
                properties.replicationFactor())));
        properties.consumed().stream()
                .filter(name -> !properties.owned().containsKey(name) && Topics.all().contains(name))
                .forEach(name -> topics.add(topic(name, Topics.isCompacted(name) ? STATE_PARTITIONS : STREAM_PARTITIONS,
                        Topics.isCompacted(name), properties.replicationFactor())));
        for (String consumed : properties.consumed()) {
            topics.add(TopicBuilder.name(Topics.deadLetter(service, consumed))
                    .partitions(properties.deadLetterPartitions()).replicas(properties.replicationFactor()).build());
        }
        return topics;
    }

    private static NewTopic topic(String name, int partitions, boolean compacted, short replicationFactor) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor);
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
