package com.crmfactory.messaging.template.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.template.approval.ApprovalState;
import com.crmfactory.messaging.template.approval.TwilioContentClient;
import com.crmfactory.messaging.template.approval.TwilioContentClient.TwilioContentException;
import com.crmfactory.messaging.template.catalog.ContentSidOverrides;
import com.crmfactory.messaging.template.catalog.MessageTemplate;
import com.crmfactory.messaging.template.catalog.MessageTemplateRepository;
import com.crmfactory.messaging.template.catalog.TemplateContent;
import com.crmfactory.messaging.template.catalog.TemplateResponse;
import com.crmfactory.messaging.template.catalog.TemplateService;
import com.crmfactory.messaging.template.provisioning.ProvisioningQueue.Claim;
import com.crmfactory.messaging.template.provisioning.ProvisioningQueue.State;

/**
 * Gives templates their own Twilio Content resource: creates it ({@code POST /v1/Content}), stores its SID
 * (published on {@code templates.catalog.v1} through the outbox), then submits it for WhatsApp approval
 * ({@code UTILITY}; list pickers are in-session only and skip this) and stores the first verdict; the
 * approval sync follows it from there.
 * <p>
 * Every Twilio call runs outside a transaction; each result is stored in a short one that also moves the
 * row on, and only while the worker still holds the row's claim. A step whose answer was lost (a crash,
 * a timeout after Twilio acted) is repeated safely: from the second attempt on, the Content resource is
 * first looked up by its friendly name (unique per template) and the approval state read before
 * submitting, so a template never gets two Content resources nor two approval requests.
 */
@Service
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ContentProvisioner {

    static final String CATEGORY = "UTILITY";
    private static final Logger log = LoggerFactory.getLogger(ContentProvisioner.class);

    private final TwilioContentClient twilio;
    private final TemplateService templates;
    private final ProvisioningQueue queue;
    private final ContentSidOverrides overrides;
    private final ProvisioningProperties properties;
    private final TransactionTemplate transaction;
    private final MessageTemplateRepository repository;

    ContentProvisioner(TwilioContentClient twilio, TemplateService templates, MessageTemplateRepository repository,
            ProvisioningQueue queue, ContentSidOverrides overrides, ProvisioningProperties properties,
            TransactionTemplate transaction) {
        this.twilio = twilio;
        this.templates = templates;
        this.repository = repository;
        this.queue = queue;
        this.overrides = overrides;
        this.properties = properties;
        this.transaction = transaction;
    }

    boolean enabled() {
        return twilio.enabled();
    }

    /**
     * One run of the queue: claims due rows batch by batch until none is left. A failure is recorded on its
     * row (retried after a back-off, or failed for good) and does not stop the others.
     *
     * @return rows worked on
     */
    public int provisionDue() {
        if (!twilio.enabled()) {
            return 0;
        }
        int worked = 0;
        List<Claim> batch;
        do {
            batch = queue.claim(properties.batchSize(), properties.lease());
            for (Claim claim : batch) {
                try {
                    work(claim);
                } catch (TwilioContentException e) {
                    // recorded on the row by work()
                } catch (RuntimeException e) {
                    log.warn("Provisioning template {} failed, retrying in {}: {}", claim.templateId(),
                            properties.backoff(claim.attempts()), e.toString());
                    queue.retryLater(claim, e.toString(), properties.backoff(claim.attempts()));
                }
                worked++;
            }
        } while (batch.size() == properties.batchSize());
        return worked;
    }

    /** {@code POST /api/v1/message-templates/{id}/provision}: provisions the template now, in the request. */
    public TemplateResponse provisionNow(String orgId, UUID id) {
        MessageTemplate template = templates.find(orgId, id);
        if (!twilio.enabled()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, TwilioContentClient.DISABLED);
        }
        if (template.contentSid() != null) {
            throw new ConflictException("Template " + id + " already has the Content SID " + template.contentSid()
                    + (overridden(template.key(), template.builtIn())
                            ? ", set by " + ContentSidOverrides.variableFor(template.key()) + " for this deployment"
                            : ": to give it a new Content resource, remove its contentSid first (PUT) and provision again"));
        }
        if (template.channel() != null && template.channel() != Channel.WHATSAPP) {
            throw new ConflictException("Template " + id + " is for " + template.channel().wire()
                    + ", which is sent as plain text: only WhatsApp (or any-channel) templates get a Content resource");
        }
        String busy = "Template " + id + " is being provisioned by another instance right now: its Content SID will "
                + "be published on templates.catalog.v1";
        // one transaction: the requeued row is claimed here before the background scheduler can see it as due
        Claim claim = transaction.execute(status -> queue.requeue(id, orgId, template.key())
                ? queue.claim(id, properties.lease()).orElse(null) : null);
        if (claim == null) {
            throw new ConflictException(busy);
        }
        try {
            work(claim);
        } catch (TwilioContentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage() + (e.permanent()
                    ? " (not retried: fix the template and provision again)"
                    : " (retried automatically in " + properties.backoff(claim.attempts()) + ")"));
        }
        return templates.get(orgId, id);
    }

    /** Works one claimed row; a Twilio failure is recorded on the row (back-off or failed) and rethrown. */
    private void work(Claim claim) {
        try {
            step(claim);
        } catch (TwilioContentException e) {
            if (e.permanent()) {
                log.warn("Twilio refused the Content of template {} ({}): {}", claim.templateId(), claim.state(), e.getMessage());
                queue.failed(claim, e.getMessage());
            } else {
                log.warn("Provisioning template {} ({}) failed, retrying in {}: {}", claim.templateId(), claim.state(),
                        properties.backoff(claim.attempts()), e.getMessage());
                queue.retryLater(claim, e.getMessage(), properties.backoff(claim.attempts()));
            }
            throw e;
        }
    }

    private void step(Claim claim) {
        Optional<Snapshot> found = snapshot(claim);
        if (found.isEmpty()) {
            return; // the template was deleted (its row with it)
        }
        Snapshot template = found.get();
        boolean earlierAttempt = claim.attempts() > 1;
        if (claim.state() == State.SUBMIT) {
            submit(claim, template.content().contentSid(), earlierAttempt);
            return;
        }
        if (template.content().contentSid() != null || overridden(template.content().key(), template.builtIn())) {
            store(claim, () -> queue.advance(claim, State.SUPERSEDED));
            log.info("Template {} got a Content SID otherwise: not provisioned", claim.templateId());
            return;
        }
        String sid = earlierAttempt ? adoptExisting(claim.friendlyName()) : null;
        if (sid == null) {
            sid = twilio.create(ContentDefinition.of(template.content(), claim.friendlyName()));
        }
        String contentSid = sid;
        boolean approval = ContentDefinition.needsApproval(template.content().type());
        Boolean attached = transaction.execute(status -> {
            if (!templates.attachContentSid(claim.templateId(), contentSid)) {
                return queue.advance(claim, State.SUPERSEDED) ? Boolean.FALSE : rollback(status);
            }
            return (approval ? queue.toSubmit(claim) : queue.advance(claim, State.DONE)) ? Boolean.TRUE : rollback(status);
        });
        if (attached == null) {
            log.warn("Template {} was taken over by another worker while its Content {} was created", claim.templateId(), contentSid);
            return;
        }
        if (!attached) {
            log.info("Template {} got a Content SID otherwise while {} was created: deleting that one", claim.templateId(), contentSid);
            deleteQuietly(contentSid);
            return;
        }
        log.info("Template {} ({}) of org {} has its Content {}", claim.templateId(), template.content().key(), claim.orgId(), contentSid);
        if (approval) {
            submit(claim, contentSid, false);
        }
    }

    /** Sends the WhatsApp approval request, unless an earlier attempt whose answer was lost already did. */
    private void submit(Claim claim, String contentSid, boolean earlierAttempt) {
        if (contentSid == null) {
            store(claim, () -> queue.advance(claim, State.SUPERSEDED)); // the org removed the SID meanwhile
            return;
        }
        ApprovalState state = null;
        if (earlierAttempt) {
            ApprovalState current = twilio.approvalOf(contentSid);
            if (current.twilioStatus() != null && !"unsubmitted".equals(current.twilioStatus())) {
                state = current;
            }
        }
        if (state == null) {
            state = twilio.submitForWhatsApp(contentSid, claim.friendlyName(), CATEGORY);
        }
        ApprovalState verdict = state;
        store(claim, () -> {
            templates.applyApproval(claim.templateId(), contentSid, verdict.status(), verdict.rejectionReason());
            return queue.advance(claim, State.DONE);
        });
        log.info("Content {} of template {} submitted for WhatsApp approval: {}", contentSid, claim.templateId(),
                verdict.status().wire());
    }

    /** The Content resources an earlier attempt created: the oldest is kept, any other deleted. */
    private String adoptExisting(String friendlyName) {
        List<String> existing = twilio.findByFriendlyName(friendlyName);
        if (existing.isEmpty()) {
            return null;
        }
        existing.subList(1, existing.size()).forEach(this::deleteQuietly);
        log.info("Adopting Content {} ('{}') created by an earlier attempt", existing.get(0), friendlyName);
        return existing.get(0);
    }

    private void deleteQuietly(String contentSid) {
        try {
            twilio.delete(contentSid);
        } catch (RuntimeException e) {
            log.warn("Could not delete the unused Content {}: {}", contentSid, e.getMessage());
        }
    }

    private void store(Claim claim, java.util.function.BooleanSupplier change) {
        Boolean stored = transaction.execute(status -> change.getAsBoolean() ? Boolean.TRUE : rollback(status));
        if (stored == null) {
            log.warn("Template {} was taken over by another worker: its result is dropped", claim.templateId());
        }
    }

    private static Boolean rollback(org.springframework.transaction.TransactionStatus status) {
        status.setRollbackOnly();
        return null;
    }

    private boolean overridden(String key, boolean builtIn) {
        return builtIn && overrides.forKey(key).isPresent();
    }

    /** The template as it is now, read in one transaction (its options are loaded lazily). */
    private Optional<Snapshot> snapshot(Claim claim) {
        return transaction.execute(status -> repository.findByIdAndOrgId(claim.templateId(), claim.orgId())
                .map(t -> new Snapshot(t.content(), t.builtIn())));
    }

    private record Snapshot(TemplateContent content, boolean builtIn) {
    }
}
