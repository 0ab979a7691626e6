package com.crmfactory.messaging.conversation.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * The org's templates as far as conversations need them, from our copy of {@code templates.catalog.v1}: which
 * template a reply names, whether its variables are all there, its rendered text, and which templates WhatsApp
 * delivers outside the customer-service window.
 */
@Service
public class TemplateCatalogService {

    /** What a template reply names: our key or a Twilio Content SID, and the variable values. */
    public record Requested(String key, String contentSid, Map<String, String> variables) {

        public Requested {
            variables = variables == null ? Map.of() : variables;
        }
    }

    /** A template reply checked against the catalogue: the template, its rendered text and the reference to send. */
    public record Resolved(CatalogTemplate template, String text, TemplateRef ref) {
    }

    /** A template that may be sent instead of free-form text outside the WhatsApp window. */
    public record Allowed(String key, String contentSid, String language) {
    }

    private final TemplateCopyRepository copies;

    TemplateCatalogService(TemplateCopyRepository copies) {
        this.copies = copies;
    }

    @Transactional
    public void apply(TemplateUpserted upserted) {
        copies.upsert(upserted);
    }

    @Transactional
    public void apply(TemplateDeleted deleted) {
        copies.delete(deleted.orgId(), deleted.templateId(), deleted.occurredAt());
    }

    /**
     * The template a reply names on a conversation channel, its variables checked and its body rendered.
     *
     * @throws UnprocessableException naming {@code template.key} / {@code template.contentSid} for an unknown
     *         template, {@code template.variables.<name>} (all of them, and {@code missingVariables}) for missing values
     */
    @Transactional(readOnly = true)
    public Resolved resolve(String orgId, Channel channel, String language, Requested requested) {
        CatalogTemplate template = find(orgId, channel, language, requested);
        List<String> missing = template.missing(requested.variables());
        if (!missing.isEmpty()) {
            throw new UnprocessableException("Template '" + template.key() + "' needs values for " + String.join(", ", missing) + ".",
                    missing.stream().map(name -> new UnprocessableException.FieldError("template.variables." + name,
                            "a value is required")).toList(),
                    Map.of("missingVariables", missing));
        }
        Map<String, String> used = new LinkedHashMap<>();
        template.names().forEach(name -> used.put(name, requested.variables().get(name)));
        return new Resolved(template, template.render(used),
                new TemplateRef(template.key(), null, template.language(), used));
    }

    /** The approved templates WhatsApp delivers outside the window, for a language (null: every language). */
    @Transactional(readOnly = true)
    public List<Allowed> allowedOutsideWindow(String orgId, String language) {
        List<Allowed> allowed = new ArrayList<>();
        for (CatalogTemplate t : copies.approved(orgId)) {
            if (t.fits(Channel.WHATSAPP) && (language == null || language.equalsIgnoreCase(t.language()))) {
                allowed.add(new Allowed(t.key(), t.contentSid(), t.language()));
            }
        }
        return allowed;
    }

    private CatalogTemplate find(String orgId, Channel channel, String language, Requested requested) {
        if (requested.key() != null && !requested.key().isBlank()) {
            return copies.byKey(orgId, requested.key().trim()).stream()
                    .filter(t -> t.fits(channel))
                    .min(Comparator.comparing((CatalogTemplate t) -> t.channel() == null)
                            .thenComparing(t -> !Objects.equals(t.language(), language))
                            .thenComparing(CatalogTemplate::language))
                    .orElseThrow(() -> new UnprocessableException("template.key", "Unknown template '"
                            + requested.key().trim() + "' for " + channel.wire() + ": see GET /api/v1/message-templates."));
        }
        Optional<CatalogTemplate> bySid = requested.contentSid() == null ? Optional.empty()
                : copies.byContentSid(orgId, requested.contentSid().trim()).filter(t -> t.fits(channel));
        return bySid.orElseThrow(() -> new UnprocessableException("template.contentSid", "No template of this org has "
                + "Content SID '" + requested.contentSid() + "' for " + channel.wire() + "."));
    }
}
