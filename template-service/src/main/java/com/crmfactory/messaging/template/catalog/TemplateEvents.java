package com.crmfactory.messaging.template.catalog;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/**
 * Publishes template changes on the compacted {@code templates.catalog.v1} through the outbox, in the
 * caller's transaction: key = template id, value = the full current state (consumers replace their copy).
 */
@Component
public class TemplateEvents {

    private final OutboxWriter outbox;

    TemplateEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void upserted(MessageTemplate t, Instant now) {
        outbox.append(Topics.TEMPLATES_CATALOG, t.id().toString(), new TemplateUpserted(t.orgId(), t.id().toString(),
                t.key(), t.channel(), t.language(), t.type(), t.body(), t.variables(), t.contentSid(),
                t.approvalStatus(), t.buttonLabel(), t.interactiveOptions(), t.mediaUrls(), t.builtIn(), now));
    }

    public void deleted(MessageTemplate t, Instant now) {
        outbox.append(Topics.TEMPLATES_CATALOG, t.id().toString(),
                new TemplateDeleted(t.orgId(), t.id().toString(), t.key(), now));
    }
}
