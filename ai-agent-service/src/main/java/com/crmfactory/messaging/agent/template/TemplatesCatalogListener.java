package com.crmfactory.messaging.agent.template;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code templates.catalog.v1}: fills the agent's copy of the orgs' templates, once per event. */
@Component
class TemplatesCatalogListener {

    static final String CONSUMER = "ai-agent-service.templates-catalog";

    private final IncomingEvents events;
    private final TemplateCatalog catalog;

    TemplatesCatalogListener(IncomingEvents events, TemplateCatalog catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    @KafkaListener(id = "agent-templates-catalog", idIsGroup = false, topics = Topics.TEMPLATES_CATALOG)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        events.firstDelivery(CONSUMER, record).ifPresent(payload -> {
            if (payload instanceof TemplateUpserted upserted) {
                catalog.upsert(upserted);
            } else if (payload instanceof TemplateDeleted deleted) {
                catalog.delete(deleted);
            }
        });
    }
}
