package com.crmfactory.messaging.ingest.support;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link KafkaProbe} that lives as long as a test class: {@code @RegisterExtension static final
 * WatchedTopics kafka = new WatchedTopics(Topics.INBOUND);} opens it before the first test and closes it after
 * the last, so the webhook ITs need no set-up or tear-down of their own for it.
 */
public final class WatchedTopics implements BeforeAllCallback, AfterAllCallback {

    private final String[] topics;
    private KafkaProbe probe;

    public WatchedTopics(String... topics) {
        this.topics = topics.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        probe = new KafkaProbe(topics);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        probe.close();
        probe = null;
    }

    public Map<TopicPartition, Long> mark() {
        return probe.mark();
    }

    public List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> mark) {
        return probe.since(mark);
    }

    public long countSince(Map<TopicPartition, Long> mark) {
        return probe.countSince(mark);
    }
}
