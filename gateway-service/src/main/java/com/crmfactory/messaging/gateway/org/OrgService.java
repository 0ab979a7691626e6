package com.crmfactory.messaging.gateway.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.gateway.web.PageView;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;

/** Creates, changes and reads orgs; every change publishes the org's state through the outbox. */
@Service
public class OrgService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrgRepository orgs;
    private final OrgNumberRepository numbers;
    private final TenantPublisher tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OrgService(OrgRepository orgs, OrgNumberRepository numbers, TenantPublisher tenants,
            ApplicationEventPublisher events, Clock clock) {
        this.orgs = orgs;
        this.numbers = numbers;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public OrgView create(OrgRequests.Create request) {
        OrgRules.checkNew(request);
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        if (orgs.exists(id)) {
            throw new ConflictException("An org with id " + id + " already exists");
        }
        Instant now = clock.instant();
        Org org = new Org(id, request.name().strip(), TenantStatus.ACTIVE, OrgRules.blankToNull(request.helpText()),
                OrgRules.blankToNull(request.defaultLanguage()), OrgRules.blankToNull(request.timeZone()), null, null,
                null, null, now, now);
        try {
            orgs.insert(org);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An org with id " + id + " already exists");
        }
        // a fresh row is invisible to other transactions until commit: no lock needed to publish
        tenants.publish(id);
        return view(org);
    }

    @Transactional
    public OrgView update(String id, OrgRequests.Update request) {
        OrgRules.checkChanges(request);
        Org current = orgs.lock(id).orElseThrow(() -> new NotFoundException("Org", id));
        Org changed = new Org(id, request.name() == null ? current.name() : request.name().strip(),
                request.status() == null ? current.status() : OrgRules.status(request.status()),
                OrgRules.merge(current.helpText(), request.helpText()),
                OrgRules.merge(current.defaultLanguage(), request.defaultLanguage()),
                OrgRules.merge(current.timeZone(), request.timeZone()),
                OrgRules.merge(current.voiceGreeting(), request.voiceGreeting()),
                request.voiceSmsReplies() == null ? current.voiceSmsReplies() : request.voiceSmsReplies(),
                current.emailInboundTokenHash(),
                OrgRules.merge(current.emailSignaturePublicKey(), request.emailSignaturePublicKey()),
                current.createdAt(), clock.instant());
        orgs.update(changed);
        tenants.publish(id);
        events.publishEvent(new OrgChanged(id));
        return view(changed);
    }

    /**
     * Issues the org's inbound e-mail token (replacing the previous one at once): {@code eml_} + 256 random bits,
     * returned this once; only its SHA-256 is stored and published, for the ingest service to compare.
     */
    @Transactional
    public OrgRequests.EmailToken issueEmailToken(String id) {
        orgs.lock(id).orElseThrow(() -> new NotFoundException("Org", id));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "eml_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        orgs.setEmailInboundTokenHash(id, sha256Hex(token), clock.instant());
        tenants.publish(id);
        return new OrgRequests.EmailToken(token, "/api/v1/webhooks/email/inbound/" + token);
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public OrgView get(String id) {
        return view(orgs.findById(id).orElseThrow(() -> new NotFoundException("Org", id)));
    }

    @Transactional(readOnly = true)
    public PageView<OrgView> list(int page, int size) {
        return new PageView<>(orgs.page(page * size, size).stream().map(this::view).toList(), page, size, orgs.count());
    }

    @Transactional(readOnly = true)
    public boolean anyOrgExists() {
        return orgs.any();
    }

    private OrgView view(Org org) {
        return OrgView.of(org, numbers.findByOrg(org.id()).stream().map(NumberView::of).toList());
    }
}
