package com.crmfactory.messaging.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.consumer.RecordBatches;
import com.crmfactory.messaging.support.kafka.CloudEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link RecordBatches} against a real broker and PostgreSQL: the records of one poll commit together, each still
 * exactly once, and a record that fails is dead-lettered alone while the others of its batch keep their effect and
 * their order. The listener is paused while a test publishes, so that its records arrive in one poll.
 */
@SpringBootTest
@RealInfrastructure
class RecordBatchesIT {

    private static final String TOPIC = SupportTestApplication.BATCHED_TOPIC;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private String key;

    @BeforeEach
    void setUp() {
        key = "batch-key-" + UUID.randomUUID();
    }

    @Test
    void theRecordsOfOnePollCommitInOneTransactionEachWithItsGuardRow() throws Exception {
        whilePaused(() -> {
            for (int sequence = 1; sequence <= 20; sequence++) {
                send(record(String.valueOf(sequence), UUID.randomUUID().toString()));
            }
        });

        awaitEffects(20);
        // a fetch already in flight when the listener paused may bring the first record in a poll of its own
        List<Integer> perTransaction = jdbc.queryForList(
                "SELECT count(*) FROM effect WHERE message_key = ? GROUP BY tx ORDER BY min(id)", Integer.class, key);
        assertThat(perTransaction).as("records per commit").hasSizeLessThanOrEqualTo(2);
        assertThat(perTransaction.get(perTransaction.size() - 1)).as("records in the batch's commit").isGreaterThanOrEqualTo(19);
        assertThat(sequences()).as("in the order of the partition").isSorted();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id IN "
                + "(SELECT event_id FROM effect WHERE message_key = ?)", Integer.class, BatchEffectListener.CONSUMER, key))
                .as("each record's guard row").isEqualTo(20);
        // the actions run on the consumer thread just after the commit that made the effects visible
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(committedActions())
                .as("each record's after-commit action ran once").isEqualTo(20));
        // the container's own convention, so the tag keys are a record listener's (Prometheus needs one set per name)
        assertThat(meters.find("spring.kafka.listener").tag("spring.kafka.listener.id", "support-it-batched")
                .tag("messaging.kafka.consumer.group", "support-it-batched").tag("error", "none").timer())
                .as("each record is timed as a record listener's is").isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isGreaterThanOrEqualTo(20));
    }

    @Test
    void aRecordRepeatedWithinOneBatchHasOneEffect() throws Exception {
        String repeated = UUID.randomUUID().toString();
        double duplicatesBefore = duplicates();

        whilePaused(() -> {
            send(record("1", repeated));
            send(record("1", repeated));
            send(record("2", UUID.randomUUID().toString()));
        });

        awaitEffects(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() - duplicatesBefore >= 1);
        assertThat(sequences()).containsExactly(1, 2);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndTheRestOfItsBatchIsAppliedInOrder() throws Exception {
        double retriedBefore = retried();

        whilePaused(() -> {
            for (String sequence : List.of("1", "2", "poison", "4", "5")) {
                send(record(sequence, UUID.randomUUID().toString()));
            }
        });

        awaitEffects(4);
        assertThat(sequences()).containsExactly(1, 2, 4, 5);
        ConsumerRecord<String, String> dead = DeadLetterReader.readOne(Topics.deadLetter("support-it", TOPIC), key);
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(retried() - retriedBefore).as("the shared transaction failed and the batch went one by one")
                .isGreaterThanOrEqualTo(1);
        Thread.sleep(1_000);
        assertThat(sequences()).as("nothing applied twice after the retries").containsExactly(1, 2, 4, 5);
        assertThat(committedActions()).as("after-commit actions of the committed records only, none of the rolled-back "
                + "shared attempt").isEqualTo(4);
    }

    /** Publishes while the listener is paused, then resumes it: the records wait on the broker and come in one poll. */
    private void whilePaused(ThrowingRunnable publish) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("support-it-batched");
        container.pause();
        await().atMost(Duration.ofSeconds(10)).until(container::isPauseRequested);
        await().atMost(Duration.ofSeconds(10)).until(container::isContainerPaused);
        try {
            publish.run();
        } finally {
            container.resume();
        }
    }

    private void send(ProducerRecord<String, String> record) throws Exception {
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    private void awaitEffects(int count) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> jdbc.queryForObject("SELECT count(*) FROM effect WHERE message_key = ?", Integer.class, key) >= count);
    }

    private List<Integer> sequences() {
        return jdbc.queryForList("SELECT sequence FROM effect WHERE message_key = ? ORDER BY id", Integer.class, key);
    }

    private int committedActions() {
        var count = BatchEffectListener.COMMITTED.get(key);
        return count == null ? 0 : count.get();
    }

    private double duplicates() {
        var counter = meters.find("platform.consumer.duplicates").tag("consumer", BatchEffectListener.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private double retried() {
        var counter = meters.find("platform.consumer.batches.retried").counter();
        return counter == null ? 0 : counter.count();
    }

    private ProducerRecord<String, String> record(String sequence, String eventId) {
        DeliveryStatusReported event = new DeliveryStatusReported("org-1", "SM" + UUID.randomUUID().toString().replace("-", ""),
                DeliveryStatus.SENT, sequence, null, null, null, null, null, null, Instant.now());
        return new CloudEvent(eventId, codec.typeOf(event), "test", event.occurredAt(), key, "org-1", null)
                .toRecord(TOPIC, codec.toJson(event));
    }



    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
