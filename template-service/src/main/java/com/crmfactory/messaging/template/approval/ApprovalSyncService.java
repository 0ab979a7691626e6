package com.crmfactory.messaging.template.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.template.approval.TwilioContentClient.TwilioContentException;
import com.crmfactory.messaging.template.catalog.MessageTemplate;
import com.crmfactory.messaging.template.catalog.TemplateResponse;
import com.crmfactory.messaging.template.catalog.TemplateService;

/**
 * Copies Twilio's approval verdicts onto templates, on demand and periodically. The Twilio call happens
 * outside any transaction (no connection or row lock held while waiting on the network); the verdict is
 * then stored, and published when it changed, by {@link TemplateService#applyApproval}.
 */
@Service
public class ApprovalSyncService {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSyncService.class);

    private final TwilioContentClient twilio;
    private final TemplateService templates;
    private final ApprovalSyncQueue queue;
    private final ApprovalSyncProperties properties;

    ApprovalSyncService(TwilioContentClient twilio, TemplateService templates, ApprovalSyncQueue queue,
            ApprovalSyncProperties properties) {
        this.twilio = twilio;
        this.templates = templates;
        this.queue = queue;
        this.properties = properties;
    }

    /** {@code POST /api/v1/message-templates/{id}/sync}. */
    public TemplateResponse syncNow(String orgId, UUID id) {
        MessageTemplate template = templates.find(orgId, id);
        if (!twilio.enabled()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, TwilioContentClient.DISABLED);
        }
        String contentSid = template.contentSid();
        if (contentSid == null) {
            throw new ConflictException("Template " + id + " has no Twilio Content SID, so it has no approval to sync. "
                    + "Set contentSid first.");
        }
        ApprovalState state;
        try {
            state = twilio.approvalOf(contentSid);
        } catch (TwilioContentException e) {
            if (e.notFound()) {
                throw new ConflictException("Twilio has no Content resource " + contentSid
                        + " in the platform's account: check the template's contentSid.");
            }
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.credentialsRefused()
                    ? "Twilio refused the platform's credentials (PLATFORM_TWILIO_ACCOUNT_SID / PLATFORM_TWILIO_AUTH_TOKEN)."
                    : e.getMessage());
        }
        return templates.applyApproval(id, contentSid, state.status(), state.rejectionReason())
                .orElseThrow(() -> new ConflictException("Template " + id + " changed while its approval was synced: retry."));
    }

    /**
     * One periodic run: claims due templates batch by batch until none is left and checks each; a
     * failure leaves that template for the next interval and does not stop the others. Every claimed row
     * is stamped, so the loop ends even while Twilio is down. Twilio is asked once per Content SID and
     * run: a {@code TWILIO_TPL_*} built-in shares one SID across every org.
     *
     * @return how many templates were brought up to date
     */
    public int syncDue() {
        if (!twilio.enabled()) {
            return 0;
        }
        Map<String, Optional<ApprovalState>> verdicts = new HashMap<>();
        int checked = 0;
        List<ApprovalSyncQueue.Due> batch;
        do {
            batch = queue.claim(properties.batchSize(), properties.interval());
            for (ApprovalSyncQueue.Due due : batch) {
                Optional<ApprovalState> state = verdicts.computeIfAbsent(due.contentSid(), this::ask);
                if (state.isPresent()) {
                    templates.applyApproval(due.id(), due.contentSid(), state.get().status(), state.get().rejectionReason());
                    checked++;
                }
            }
        } while (batch.size() == properties.batchSize());
        return checked;
    }

    private Optional<ApprovalState> ask(String contentSid) {
        try {
            return Optional.of(twilio.approvalOf(contentSid));
        } catch (RuntimeException e) {
            log.warn("Approval sync of Content {} failed, retrying in {}: {}", contentSid, properties.interval(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
