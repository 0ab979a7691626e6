package com.crmfactory.messaging.template.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * Template CRUD for one org. Every change is validated first ({@link TemplateRules}), then stored and
 * published on {@code templates.catalog.v1} in the same transaction (outbox).
 */
@Service
@Transactional
public class TemplateService {

    static final String RESOURCE = "Message template";
    private static final Sort ORDER = Sort.by("key", "language", "id");

    private final MessageTemplateRepository templates;
    private final TemplateEvents events;
    private final ContentSidOverrides overrides;
    private final Clock clock;

    TemplateService(MessageTemplateRepository templates, TemplateEvents events, ContentSidOverrides overrides,
            Clock clock) {
        this.templates = templates;
        this.events = events;
        this.overrides = overrides;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TemplatePage list(String orgId, TemplateFilter filter, int page, int size) {
        return TemplatePage.of(templates.findAll(filter.forOrg(orgId), PageRequest.of(page, size, ORDER)));
    }

    @Transactional(readOnly = true)
    public TemplateResponse get(String orgId, UUID id) {
        return TemplateResponse.of(find(orgId, id));
    }

    public TemplateResponse create(String orgId, TemplateContent content) {
        TemplateRules.validate(content);
        requireUnique(orgId, content, null);
        Instant now = clock.instant();
        MessageTemplate template = templates.saveAndFlush(MessageTemplate.create(orgId, content, false, now));
        events.upserted(template, now);
        return TemplateResponse.of(template);
    }

    public TemplateResponse update(String orgId, UUID id, TemplateContent requested) {
        MessageTemplate template = templates.lockByIdAndOrgId(id, orgId)
                .orElseThrow(() -> new NotFoundException(RESOURCE, id));
        TemplateContent content = template.builtIn() ? builtInEdit(template, requested) : requested;
        TemplateRules.validate(content);
        requireUnique(orgId, content, id);
        Instant now = clock.instant();
        template.replace(content, now);
        templates.flush(); // the new version number belongs in the response
        events.upserted(template, now);
        return TemplateResponse.of(template);
    }

    /** Built-ins can be deleted by nobody: other services count on every org having them. */
    public void delete(String orgId, UUID id) {
        MessageTemplate template = templates.lockByIdAndOrgId(id, orgId)
                .orElseThrow(() -> new NotFoundException(RESOURCE, id));
        if (template.builtIn()) {
            throw new ConflictException("'" + template.key() + "' is a built-in template every org has: it cannot be "
                    + "deleted, but it can be edited");
        }
        templates.delete(template);
        events.deleted(template, clock.instant());
    }

    /** Used by the approval sync: records Twilio's verdict if the template still has that Content SID. */
    public Optional<TemplateResponse> applyApproval(UUID id, String contentSid, ApprovalStatus status, String reason) {
        Optional<MessageTemplate> found = templates.lockById(id).filter(t -> contentSid.equals(t.contentSid()));
        found.ifPresent(template -> {
            Instant now = clock.instant();
            if (template.applyApproval(status, reason, now)) {
                templates.flush();
                events.upserted(template, now);
            }
        });
        return found.map(TemplateResponse::of);
    }

    /**
     * Used by Content provisioning: gives the template the Content SID created for it, unless it got one
     * meanwhile (a {@code TWILIO_TPL_*} override, the org's own); published like any change.
     *
     * @return whether the SID was stored
     */
    public boolean attachContentSid(UUID id, String contentSid) {
        Optional<MessageTemplate> found = templates.lockById(id).filter(t -> t.contentSid() == null);
        found.ifPresent(template -> {
            Instant now = clock.instant();
            template.replace(template.content().withContentSid(contentSid), now);
            templates.flush();
            events.upserted(template, now);
        });
        return found.isPresent();
    }

    @Transactional(readOnly = true)
    public MessageTemplate find(String orgId, UUID id) {
        return templates.findByIdAndOrgId(id, orgId).orElseThrow(() -> new NotFoundException(RESOURCE, id));
    }

    /**
     * A built-in keeps its key (senders resolve it by key), and its Content SID is the deployment's
     * {@code TWILIO_TPL_<KEY>} when that is set.
     */
    private TemplateContent builtInEdit(MessageTemplate template, TemplateContent requested) {
        if (!template.key().equals(requested.key())) {
            throw new UnprocessableException("key", "'" + template.key() + "' is a built-in template: its key cannot change");
        }
        Optional<String> override = overrides.forKey(template.key());
        if (override.isEmpty()) {
            return requested;
        }
        if (requested.contentSid() != null && !requested.contentSid().equals(override.get())) {
            throw new UnprocessableException("contentSid", "the Content SID of '" + template.key() + "' is set by "
                    + ContentSidOverrides.variableFor(template.key()) + " for this deployment");
        }
        return requested.withContentSid(override.get());
    }

    private void requireUnique(String orgId, TemplateContent content, UUID self) {
        templates.findIdentity(orgId, content.key(), content.channel(), content.language())
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw new ConflictException("A template with key '" + content.key() + "' for "
                            + (content.channel() == null ? "any channel" : "channel " + content.channel().wire())
                            + " and language '" + content.language() + "' already exists: " + existing.id());
                });
    }
}
