package com.crmfactory.messaging.ingest.tenant;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.logging.LogMasking;

/**
 * In-memory copy of {@code platform.tenants.v1}: which org owns each sender number (and Messaging
 * Service). The ingest has no database by design, so this map is rebuilt from the compacted topic at
 * every start by {@link TenantDirectoryLoader}, the only writer; request threads only read.
 *
 * <p>Each {@code TenantUpserted} is the org's full state, so it replaces the previous one: new numbers
 * are put first and numbers the org no longer lists are removed afterwards (only if still theirs), so a
 * reader never sees a number the org kept disappear for a moment, and a number that moved to another
 * org is not taken back from it.
 */
@Component
public class TenantDirectory {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);

    /** Who owns a sender, and whether traffic may be routed to them. */
    public record Owner(String orgId, TenantStatus status) {
        public boolean active() {
            return status == TenantStatus.ACTIVE;
        }
    }

    private record Tenant(Set<SenderAddress> senders, Set<String> messagingServices, TenantSettings settings,
            TenantStatus status) {
    }

    private final ConcurrentMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final ConcurrentMap<SenderAddress, Owner> bySender = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Owner> byMessagingService = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** The owner of a number as Twilio writes it ({@code +1…} on SMS, {@code whatsapp:+1…} on WhatsApp). */
    public Optional<Owner> ownerOf(String address) {
        return Optional.ofNullable(bySender.get(SenderAddress.of(address)));
    }

    /** The owner of an e-mail address an org receives mail on. */
    public Optional<Owner> ownerOfEmail(String address) {
        return Optional.ofNullable(bySender.get(SenderAddress.email(address)));
    }

    /** The org's settings as last published (empty settings when it published none). */
    public Optional<TenantSettings> settingsOf(String orgId) {
        return Optional.ofNullable(tenants.get(orgId)).map(Tenant::settings);
    }

    /** The org's status as last published; empty for an org the topic does not know (or a removed one). */
    public Optional<TenantStatus> statusOf(String orgId) {
        return Optional.ofNullable(tenants.get(orgId)).map(Tenant::status);
    }

    /** The owner of a Twilio Messaging Service ({@code MG…}). */
    public Optional<Owner> ownerOfMessagingService(String messagingServiceSid) {
        return Optional.ofNullable(byMessagingService.get(messagingServiceSid));
    }

    /** Whether the topic has been read up to the end offsets it had when the service started. */
    public boolean isLoaded() {
        return loaded;
    }

    public int tenantCount() {
        return tenants.size();
    }

    public int senderCount() {
        return bySender.size();
    }

    void markLoaded() {
        loaded = true;
    }

    void apply(TenantUpserted tenant) {
        String orgId = tenant.orgId();
        Owner owner = new Owner(orgId, tenant.status());
        Set<SenderAddress> senders = tenant.senderNumbers().stream()
                .filter(sender -> routable(sender.channel()))
                .map(sender -> SenderAddress.of(sender.channel(), sender.address()))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> services = tenant.senderNumbers().stream()
                .map(SenderNumber::messagingServiceSid).filter(sid -> sid != null && !sid.isBlank())
                .collect(Collectors.toUnmodifiableSet());
        for (SenderAddress sender : senders) {
            Owner previous = bySender.put(sender, owner);
            if (previous != null && !previous.orgId().equals(orgId)) {
                log.warn("Sender {} on {} moved from org {} to org {}", LogMasking.phone(sender.number()),
                        sender.channel().wire(), previous.orgId(), orgId);
            }
        }
        services.forEach(sid -> byMessagingService.put(sid, owner));
        TenantSettings settings = tenant.settings() != null ? tenant.settings() : new TenantSettings(null, null, null);
        Tenant previous = tenants.put(orgId, new Tenant(senders, services, settings, tenant.status()));
        if (previous != null) {
            previous.senders().stream().filter(sender -> !senders.contains(sender))
                    .forEach(sender -> bySender.computeIfPresent(sender, (key, current) -> ownedBy(current, orgId)));
            previous.messagingServices().stream().filter(sid -> !services.contains(sid))
                    .forEach(sid -> byMessagingService.computeIfPresent(sid, (key, current) -> ownedBy(current, orgId)));
        }
    }

    /** A tombstone on the compacted topic: the org is gone. */
    void remove(String orgId) {
        Tenant previous = tenants.remove(orgId);
        if (previous != null) {
            previous.senders().forEach(sender -> bySender.computeIfPresent(sender, (key, current) -> ownedBy(current, orgId)));
            previous.messagingServices().forEach(sid -> byMessagingService.computeIfPresent(sid, (key, current) -> ownedBy(current, orgId)));
        }
    }

    /** Null (remove the entry) when the entry still belongs to the org; otherwise keep the new owner's. */
    private static Owner ownedBy(Owner current, String orgId) {
        return current.orgId().equals(orgId) ? null : current;
    }

    private static boolean routable(Channel channel) {
        return channel == Channel.SMS || channel == Channel.MMS || channel == Channel.WHATSAPP || channel == Channel.EMAIL;
    }
}
