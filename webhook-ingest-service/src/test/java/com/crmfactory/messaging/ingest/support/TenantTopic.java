package com.crmfactory.messaging.ingest.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.kafka.CloudEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the gateway's part in tests: creates {@code platform.tenants.v1} as the gateway does (3
 * partitions, compacted) and publishes tenants on it with CloudEvents headers.
 */
public final class TenantTopic {

    /** The org the Twilio fixtures' business number belongs to in every test class that posts fixtures. */
    public static final String FIXTURE_ORG = "org-fixtures";

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build());

    private TenantTopic() {
    }

    /** The fixtures' business number on SMS and WhatsApp, and their Messaging Service. */
    public static TenantUpserted fixtureOrg() {
        return tenant(FIXTURE_ORG, TenantStatus.ACTIVE,
                new SenderNumber(Channel.SMS, "+15555550100", SenderType.LONG_CODE, "MGc8bffbe4a6f4d7eec602a85352babca6"),
                new SenderNumber(Channel.WHATSAPP, "whatsapp:+15555550100", SenderType.WHATSAPP, null));
    }

    public static TenantUpserted tenant(String orgId, TenantStatus status, SenderNumber... senders) {
        return new TenantUpserted(orgId, orgId + " Ltd", status, List.of(senders), null, Instant.now());
    }

    public static SenderNumber sms(String number) {
        return new SenderNumber(Channel.SMS, number, SenderType.LONG_CODE, null);
    }

    public static void publish(String bootstrapServers, TenantUpserted tenant) {
        CloudEvent meta = new CloudEvent(UUID.randomUUID().toString(), CODEC.typeOf(tenant), "gateway-service",
                tenant.occurredAt(), tenant.orgId(), tenant.orgId(), null);
        send(bootstrapServers, meta.toRecord(Topics.PLATFORM_TENANTS, CODEC.toJson(tenant)));
    }

    /** A record of the right type whose value is not a readable tenant. */
    public static void publishUnreadable(String bootstrapServers, String orgId) {
        CloudEvent meta = new CloudEvent(UUID.randomUUID().toString(), "com.crmfactory.messaging.tenant.tenant-upserted.v1",
                "gateway-service", Instant.now(), orgId, orgId, null);
        send(bootstrapServers, meta.toRecord(Topics.PLATFORM_TENANTS, "{\"orgId\":\"" + orgId + "\",\"name\":"));
    }

    public static void createTopic(String bootstrapServers) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.PLATFORM_TENANTS, 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(String bootstrapServers, ProducerRecord<String, String> record) {
        createTopic(bootstrapServers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
