package com.crmfactory.messaging.agent.template;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** {@code templates.catalog.v1}: fills the agent's copy of the orgs' templates, once per event. */
@Component
class TemplatesCatalogListener {

    static final String CONSUMER = "ai-agent-service.templates-catalog";

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final TemplateCatalog catalog;

    TemplatesCatalogListener(EventCodec codec, ProcessedEvents processed, TemplateCatalog catalog) {
        this.codec = codec;
        this.processed = processed;
        this.catalog = catalog;
    }

    @KafkaListener(id = "agent-templates-catalog", idIsGroup = false, topics = Topics.TEMPLATES_CATALOG)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        codec.decode(record).ifPresent(event -> {
            if (!processed.firstDelivery(CONSUMER, event.id())) {
                return;
            }
            if (event.payload() instanceof TemplateUpserted upserted) {
                catalog.upsert(upserted);
            } else if (event.payload() instanceof TemplateDeleted deleted) {
                catalog.delete(deleted);
            }
        });
    }
}
