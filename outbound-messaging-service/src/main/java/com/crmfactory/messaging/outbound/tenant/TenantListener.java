package com.crmfactory.messaging.outbound.tenant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** {@code platform.tenants.v1}: sender numbers and help text. Full-state events: applying one twice is harmless. */
@Component
class TenantListener {

    private final EventCodec codec;
    private final TenantDirectory directory;

    TenantListener(EventCodec codec, TenantDirectory directory) {
        this.codec = codec;
        this.directory = directory;
    }

    @KafkaListener(id = "outbound-tenants", idIsGroup = false, topics = Topics.PLATFORM_TENANTS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        codec.decode(record).ifPresent(event -> {
            if (event.payload() instanceof TenantUpserted tenant) {
                directory.replace(tenant);
            }
        });
    }
}
