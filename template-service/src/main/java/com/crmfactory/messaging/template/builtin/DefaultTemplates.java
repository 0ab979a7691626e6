package com.crmfactory.messaging.template.builtin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.template.catalog.ContentSidOverrides;
import com.crmfactory.messaging.template.catalog.MessageTemplate;
import com.crmfactory.messaging.template.catalog.MessageTemplateRepository;
import com.crmfactory.messaging.template.catalog.TemplateContent;
import com.crmfactory.messaging.template.catalog.TemplateEvents;
import com.crmfactory.messaging.template.provisioning.ProvisioningQueue;

/**
 * Creates an org's built-in templates, once. Called when the org appears on {@code platform.tenants.v1}
 * (so the catalogue carries them before anyone asks) and on the org's first API call (for orgs whose
 * tenant event predates this service). The {@code org_defaults} row makes it exactly once, whichever
 * comes first and on whichever replica.
 */
@Service
public class DefaultTemplates {

    private static final Logger log = LoggerFactory.getLogger(DefaultTemplates.class);
    private static final int RECONCILE_BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MessageTemplateRepository templates;
    private final TemplateEvents events;
    private final ContentSidOverrides overrides;
    private final Clock clock;
    private final ProvisioningQueue provisioning;
    /** Orgs known to have their defaults: spares the API a database round trip per request. */
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    DefaultTemplates(JdbcTemplate jdbc, TransactionTemplate transaction, MessageTemplateRepository templates,
            TemplateEvents events, ContentSidOverrides overrides, Clock clock, ProvisioningQueue provisioning) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.templates = templates;
        this.events = events;
        this.overrides = overrides;
        this.clock = clock;
        this.provisioning = provisioning;
    }

    /** Makes sure the org has its built-ins; idempotent and safe to call concurrently. */
    public void ensureFor(String orgId) {
        if (done.contains(orgId)) {
            return;
        }
        transaction.executeWithoutResult(status -> materialise(orgId));
        done.add(orgId);
    }

    private void materialise(String orgId) {
        Instant now = clock.instant();
        // A concurrent caller blocks here until the first one commits, then inserts nothing.
        int claimed = jdbc.update("INSERT INTO org_defaults (org_id, materialised_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                orgId, Timestamp.from(now));
        if (claimed == 0) {
            return;
        }
        for (TemplateContent definition : BuiltInTemplates.all()) {
            TemplateContent content = overrides.forKey(definition.key()).map(definition::withContentSid).orElse(definition);
            if (templates.findIdentity(orgId, content.key(), content.channel(), content.language()).isPresent()) {
                continue; // the org already made its own: keep it
            }
            // flushed at once: the provisioning row below refers to it
            MessageTemplate template = templates.saveAndFlush(MessageTemplate.create(orgId, content, true, now));
            events.upserted(template, now);
            if (template.contentSid() == null) {
                // its own Content resource in Twilio, created after this commit (ContentProvisioner)
                provisioning.enqueue(template.id(), orgId, template.key());
            }
        }
        log.info("Created the built-in templates {} of org {}", BuiltInTemplates.keys(), orgId);
    }

    /**
     * Gives every org's built-in of {@code key} the Content SID {@code TWILIO_TPL_<KEY>} names, in
     * batches; rows are locked, so replicas starting together update each row once.
     *
     * @return how many templates changed
     */
    public int applyOverride(String key, String contentSid) {
        int changed = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                List<MessageTemplate> stale = templates.lockBuiltInsWithOtherSid(key, contentSid,
                        PageRequest.of(0, RECONCILE_BATCH));
                Instant now = clock.instant();
                for (MessageTemplate template : stale) {
                    template.replace(template.content().withContentSid(contentSid), now);
                    events.upserted(template, now);
                }
                return stale.size();
            });
            changed += batch;
            if (batch < RECONCILE_BATCH) {
                return changed;
            }
        }
    }
}
