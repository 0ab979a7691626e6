package com.crmfactory.messaging.ingest.bench;

import static com.crmfactory.messaging.events.testing.MessageReceivedBuilder.aMessageReceived;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.kafka.CloudEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;

import tools.jackson.databind.json.JsonMapper;

/**
 * The ceiling: a bare Kafka producer with the ingest's guarantees ({@code acks=all}, idempotent) sending
 * the records the ingest would send for the same webhooks (MessageReceived JSON, CloudEvents headers,
 * conversation key), with no HTTP, signature or Spring in the way.
 */
final class ProducerCeiling {

    record Result(int records, double seconds, double recordsPerSecond, LatencyStats syncLatency, int syncSends) {
    }

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build());

    private final String bootstrapServers;

    ProducerCeiling(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Async throughput of {@code records} sends with the client's defaults (Kafka 4 batches with
     * {@code linger.ms=5}), then the latency of {@code syncSends} sends made one at a time with
     * {@code linger.ms=0} as the service does.
     */
    Result run(int records, int syncSends) throws Exception {
        ProducerRecord<String, String>[] batch = prepare(records);
        ProducerRecord<String, String>[] sync = prepare(syncSends);
        double seconds;
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(sync[0]).get(); // metadata and producer id first
            CountDownLatch acked = new CountDownLatch(records);
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            for (ProducerRecord<String, String> record : batch) {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                    acked.countDown();
                });
            }
            if (!acked.await(120, TimeUnit.SECONDS) || failed.get() > 0) {
                throw new IllegalStateException("bare producer: " + failed.get() + " failed sends");
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        // one at a time, configured like the service (linger.ms=0): a webhook's floor without HTTP
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0))) {
            producer.send(sync[0]).get();
            long[] latencies = new long[syncSends];
            for (int i = 0; i < syncSends; i++) {
                long sent = System.nanoTime();
                producer.send(sync[i]).get(10, TimeUnit.SECONDS);
                latencies[i] = System.nanoTime() - sent;
            }
            return new Result(records, seconds, records / seconds, LatencyStats.of(latencies, syncSends), syncSends);
        }
    }

    private KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @SuppressWarnings("unchecked")
    private static ProducerRecord<String, String>[] prepare(int count) {
        ProducerRecord<String, String>[] records = new ProducerRecord[count];
        for (int i = 0; i < count; i++) {
            Map<String, String> params = SignedWebhooks.params();
            MessageReceived event = aMessageReceived().orgId("org-bench").providerMessageId(params.get("MessageSid"))
                    .from(params.get("From")).to(params.get("To")).body(params.get("Body")).build();
            String key = event.conversationKey().value();
            CloudEvent meta = new CloudEvent(UUID.randomUUID().toString(), CODEC.typeOf(event), "ingest-benchmark",
                    event.receivedAt(), key, event.orgId(), null);
            records[i] = meta.toRecord(Topics.INBOUND, CODEC.toJson(event));
        }
        return records;
    }
}
