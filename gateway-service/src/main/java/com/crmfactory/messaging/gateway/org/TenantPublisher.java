package com.crmfactory.messaging.gateway.org;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/**
 * Publishes an org's full current state on the compacted {@code platform.tenants.v1} (key = org id)
 * through the outbox, in the transaction of the change. Consumers replace, never merge, so the event
 * is rebuilt from the database each time: name, status, settings and every sender number, never keys.
 */
@Component
public class TenantPublisher {

    private final OrgRepository orgs;
    private final OrgNumberRepository numbers;
    private final OutboxWriter outbox;
    private final Clock clock;

    public TenantPublisher(OrgRepository orgs, OrgNumberRepository numbers, OutboxWriter outbox, Clock clock) {
        this.orgs = orgs;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call while holding the org's row lock ({@link OrgRepository#lock}), after the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String orgId) {
        Org org = orgs.findById(orgId).orElseThrow(() -> new IllegalStateException("org " + orgId + " vanished"));
        TenantUpserted event = new TenantUpserted(org.id(), org.name(), org.status(),
                numbers.findByOrg(orgId).stream().map(OrgNumber::toEvent).toList(), org.settings(), clock.instant());
        outbox.append(Topics.PLATFORM_TENANTS, org.id(), event);
    }
}
