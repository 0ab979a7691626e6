package com.crmfactory.messaging.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.kafka.CloudEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.outbox.OutboxProperties;
import com.crmfactory.messaging.support.outbox.OutboxRelay;
import com.crmfactory.messaging.support.outbox.OutboxSender;
import com.crmfactory.messaging.support.outbox.OutboxWriter;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The delivery guarantees of the plumbing, against a real broker and a real PostgreSQL: outbox order
 * per key, a relay crash that loses nothing, duplicates absorbed, poison records dead-lettered.
 */
@SpringBootTest
@RealInfrastructure
class PlumbingIT {

    private static final String TOPIC = SupportTestApplication.TOPIC;

    @Autowired
    OutboxWriter outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    MeterRegistry meters;

    private TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
        relay.relayAll();
        jdbc.update("DELETE FROM effect");
    }

    @Test
    void outboxRowsArePublishedInOrderPerKey() {
        List<String> keys = keys(10);
        appendInterleaved(keys, 30);

        relay.relayAll();

        awaitEffects(300);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class)).isZero();
        assertOrderedPerKey(keys, 30);
    }

    @Test
    void aRelayKilledMidBatchLosesNothingAndItsDuplicatesAreAbsorbed() {
        List<String> keys = keys(5);
        appendInterleaved(keys, 20);
        double duplicatesBefore = duplicates();

        OutboxRelay crashing = relayWith(crashAfter(40));
        assertThatThrownBy(crashing::relayBatch).isInstanceOf(OutboxRelay.OutboxRelayException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class))
                .as("nothing is deleted from the outbox when the batch was not acknowledged").isEqualTo(100);

        relay.relayAll();

        awaitEffects(100);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() - duplicatesBefore >= 40);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM effect", Integer.class)).isEqualTo(100);
        assertThat(duplicates() - duplicatesBefore).as("the 40 events sent before the crash arrive twice").isEqualTo(40);
        assertOrderedPerKey(keys, 20);
    }

    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        appendInterleaved(keys(1), 5);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('outbox-relay:support-it'))::text", String.class);
            locked.countDown();
            awaitLatch(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(relay.relayBatch()).as("the other replica holds the lock").isZero();

        release.countDown();
        otherReplica.get(10, TimeUnit.SECONDS);
        assertThat(relay.relayBatch()).isEqualTo(5);
        awaitEffects(5);
    }

    @Test
    void aDuplicateEventIdHasOneEffect() throws Exception {
        ProducerRecord<String, String> record = record("dup-key", "7", UUID.randomUUID().toString());
        double duplicatesBefore = duplicates();

        kafka.send(record).get(10, TimeUnit.SECONDS);
        kafka.send(record("dup-key", "7", record.headers().lastHeader("ce_id").value())).get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() - duplicatesBefore >= 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM effect WHERE message_key = 'dup-key'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsErrorAndThePartitionKeepsFlowing() throws Exception {
        String key = "poison-key-" + UUID.randomUUID();
        kafka.send(record(key, "poison", UUID.randomUUID().toString())).get(10, TimeUnit.SECONDS);
        kafka.send(record(key, "1", UUID.randomUUID().toString())).get(10, TimeUnit.SECONDS);

        awaitEffects(1);
        ConsumerRecord<String, String> dead = DeadLetterReader.readOne(Topics.deadLetter("support-it", TOPIC), key);
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-exception-message")).contains("cannot handle this record");
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-original-partition")).isNotNull();
        assertThat(DeadLetterReader.header(dead, "kafka_dlt-original-offset")).isNotNull();
        assertThat(DeadLetterReader.header(dead, "ce_id")).as("the original headers travel along").isNotNull();
    }

    private List<String> keys(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add("org-1:sms:+1555000" + run + i);
        }
        return keys;
    }

    /** Appends {@code perKey} events per key, interleaving keys, one transaction per event. */
    private void appendInterleaved(List<String> keys, int perKey) {
        for (int sequence = 1; sequence <= perKey; sequence++) {
            for (String key : keys) {
                int seq = sequence;
                transactions.executeWithoutResult(s -> outbox.append(TOPIC, key, event(String.valueOf(seq))));
            }
        }
    }

    private void assertOrderedPerKey(List<String> keys, int perKey) {
        for (String key : keys) {
            List<Integer> sequences = jdbc.queryForList("SELECT sequence FROM effect WHERE message_key = ? ORDER BY id",
                    Integer.class, key);
            assertThat(sequences).as(key).hasSize(perKey).isSorted();
        }
    }

    private void awaitEffects(int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM effect", Integer.class) >= count);
    }

    private OutboxRelay relayWith(OutboxSender sender) {
        return new OutboxRelay(jdbc, transactions, sender, new OutboxProperties(true, Duration.ofMillis(100), 500,
                Duration.ofSeconds(10)), "support-it", meters);
    }

    /** Sends the first records for real, then dies: the rest of the batch is never acknowledged. */
    private OutboxSender crashAfter(int sent) {
        AtomicInteger count = new AtomicInteger();
        return record -> count.incrementAndGet() <= sent ? kafka.send(record)
                : CompletableFuture.failedFuture(new IllegalStateException("relay killed"));
    }

    private double duplicates() {
        var counter = meters.find("platform.consumer.duplicates").tag("consumer", EffectListener.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static DeliveryStatusReported event(String sequence) {
        return new DeliveryStatusReported("org-1", "SM" + UUID.randomUUID().toString().replace("-", ""),
                DeliveryStatus.SENT, sequence, null, null, null, null, null, null, Instant.now());
    }

    private ProducerRecord<String, String> record(String key, String sequence, String eventId) {
        DeliveryStatusReported event = event(sequence);
        return new CloudEvent(eventId, codec.typeOf(event), "test", event.occurredAt(), key, "org-1", null)
                .toRecord(TOPIC, codec.toJson(event));
    }

    private ProducerRecord<String, String> record(String key, String sequence, byte[] eventId) {
        return record(key, sequence, new String(eventId, StandardCharsets.UTF_8));
    }



    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
