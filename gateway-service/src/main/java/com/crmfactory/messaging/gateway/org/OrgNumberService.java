package com.crmfactory.messaging.gateway.org;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;

/**
 * Sender numbers of an org. A number belongs to one org at most (inbound routing depends on it), and
 * every change republishes the org's state.
 */
@Service
public class OrgNumberService {

    private final OrgRepository orgs;
    private final OrgNumberRepository numbers;
    private final TenantPublisher tenants;
    private final Clock clock;

    public OrgNumberService(OrgRepository orgs, OrgNumberRepository numbers, TenantPublisher tenants, Clock clock) {
        this.orgs = orgs;
        this.numbers = numbers;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    public NumberView add(String orgId, AddNumberRequest request) {
        NumberRules.Normalized number = NumberRules.normalize(request.channel(), request.address(), request.type(),
                request.messagingServiceSid());
        orgs.lock(orgId).orElseThrow(() -> new NotFoundException("Org", orgId));
        numbers.findByAddress(number.address()).ifPresent(owner -> {
            throw duplicate(owner.orgId().equals(orgId));
        });
        OrgNumber added = new OrgNumber(UUID.randomUUID(), orgId, number.channel(), number.address(), number.type(),
                number.messagingServiceSid(), clock.instant());
        try {
            numbers.insert(added);
        } catch (DuplicateKeyException e) {
            // another org registered it between our check and our insert
            throw duplicate(false);
        }
        tenants.publish(orgId);
        return NumberView.of(added);
    }

    @Transactional
    public void remove(String orgId, String numberId) {
        orgs.lock(orgId).orElseThrow(() -> new NotFoundException("Org", orgId));
        Optional<UUID> id = parse(numberId);
        if (id.isEmpty() || !numbers.delete(orgId, id.get())) {
            throw new NotFoundException("Number", numberId);
        }
        tenants.publish(orgId);
    }

    @Transactional(readOnly = true)
    public List<NumberView> list(String orgId) {
        if (!orgs.exists(orgId)) {
            throw new NotFoundException("Org", orgId);
        }
        return numbers.findByOrg(orgId).stream().map(NumberView::of).toList();
    }

    private static ConflictException duplicate(boolean sameOrg) {
        return new ConflictException(sameOrg ? "This org already has this number"
                : "This number already belongs to another org; a number can belong to one org only");
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
