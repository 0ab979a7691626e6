package com.crmfactory.messaging.support.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/** {@link EffectListener}'s effects, from a batch listener: the records of one poll in one transaction. */
@Component
class BatchEffectListener {

    static final String CONSUMER = "support-it.batched";

    /** Per record key: how many of its records ran their after-commit action. */
    static final Map<String, AtomicInteger> COMMITTED = new ConcurrentHashMap<>();

    private final IncomingEvents events;
    private final JdbcTemplate jdbc;
    private final RecordBatches batches;

    BatchEffectListener(IncomingEvents events, JdbcTemplate jdbc, RecordBatches batches) {
        this.events = events;
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @KafkaListener(id = "support-it-batched", topics = SupportTestApplication.BATCHED_TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "support-it-batched", record -> {
            EffectListener.apply(events, jdbc, CONSUMER, record);
            batches.afterCommit(() -> COMMITTED.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet());
        });
    }
}
