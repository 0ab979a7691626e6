package com.crmfactory.messaging.ingest.tenant;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory.Owner;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.support.logging.LogMasking;

/**
 * Finds the org a webhook belongs to, or says why there is none: 503 while the directory is loading
 * (the number may simply not be loaded yet), 404 when no active org owns the number (a suspended org
 * gets no traffic routed to it).
 */
@Component
public class TenantRouter {

    private static final Logger log = LoggerFactory.getLogger(TenantRouter.class);

    private final TenantDirectory directory;

    public TenantRouter(TenantDirectory directory) {
        this.directory = directory;
    }

    /** The org owning {@code address}, the value of parameter {@code field} ({@code To} or {@code From}). */
    public String orgReceivingOn(String field, String address) {
        requireLoaded();
        return active(directory.ownerOf(address), field, address);
    }

    /**
     * The org receiving an e-mail: the first of the recipients (envelope first, then the headers) that an org
     * registered as its e-mail address.
     */
    public String orgReceivingEmail(List<String> recipients) {
        requireLoaded();
        for (String recipient : recipients) {
            Optional<Owner> owner = directory.ownerOfEmail(recipient);
            if (owner.isPresent()) {
                return active(owner, "to", recipient);
            }
        }
        log.warn("No org receives e-mail on any of {} recipient(s); answering 404, nothing published", recipients.size());
        throw WebhookRejectedException.unknownNumber("to", recipients.isEmpty() ? "(no recipient)"
                : LogMasking.mask(recipients.get(0)));
    }

    /**
     * Checks that {@code orgId} (named by a webhook's {@code field}, e.g. the ERP's {@code X-Org-Id}) is an active
     * org: 503 while the directory loads, 404 for an unknown or suspended one.
     */
    public void requireActiveOrg(String field, String orgId) {
        requireLoaded();
        if (directory.statusOf(orgId).filter(status -> status == TenantStatus.ACTIVE).isEmpty()) {
            log.warn("No active org {} ({}); answering 404, nothing published", orgId, field);
            throw WebhookRejectedException.unknownOrg(field, orgId);
        }
    }

    /** Whether {@code address} is one of the org's e-mail addresses. */
    public boolean receivesEmail(String orgId, String address) {
        return directory.ownerOfEmail(address).filter(owner -> owner.orgId().equals(orgId)).isPresent();
    }

    /** The org's settings (all fields null when it has none). */
    public TenantSettings settingsOf(String orgId) {
        return directory.settingsOf(orgId).orElseGet(() -> new TenantSettings(null, null, null));
    }

    /**
     * The org that sent a message: by its sender number, else by its Messaging Service (a status
     * callback of a message sent through a Messaging Service may name no {@code From}).
     */
    public String orgSending(String from, String messagingServiceSid) {
        requireLoaded();
        Optional<Owner> owner = from == null ? Optional.empty() : directory.ownerOf(from);
        if (owner.isEmpty() && messagingServiceSid != null) {
            owner = directory.ownerOfMessagingService(messagingServiceSid);
        }
        return from != null ? active(owner, "From", from) : active(owner, "MessagingServiceSid", messagingServiceSid);
    }

    private void requireLoaded() {
        if (!directory.isLoaded()) {
            throw WebhookRejectedException.notReady();
        }
    }

    private static String active(Optional<Owner> owner, String field, String address) {
        if (owner.isPresent() && owner.get().active()) {
            return owner.get().orgId();
        }
        String masked = LogMasking.phone(address);
        log.warn("No active org receives on {} ({}{}); answering 404, nothing published", masked, field,
                owner.map(o -> ", org " + o.orgId() + " is " + o.status().wire()).orElse(""));
        throw WebhookRejectedException.unknownNumber(field, masked);
    }
}
