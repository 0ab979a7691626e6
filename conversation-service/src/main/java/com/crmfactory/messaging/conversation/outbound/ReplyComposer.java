package com.crmfactory.messaging.conversation.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.conversation.template.CatalogTemplate;
import com.crmfactory.messaging.conversation.template.TemplateCatalogService;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.common.WhatsAppWindow;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * Turns what a person asks to send into what the session says, or a 422 naming the field: text, media, a template
 * (validated and rendered with our copy of the catalogue), interactive content; and WhatsApp's window rule, which
 * outside the window answers with the templates that may be sent instead ({@code allowedTemplates}).
 */
@Component
class ReplyComposer {

    static final int MAX_MESSAGE_LENGTH = 1600;

    private final TemplateCatalogService templates;
    private final WhatsAppWindow whatsappWindow;
    private final String language;

    ReplyComposer(TemplateCatalogService templates, WhatsAppWindow whatsappWindow,
            @Value("${conversation.templates.language:en}") String language) {
        this.templates = templates;
        this.whatsappWindow = whatsappWindow;
        this.language = language;
    }

    /** What will be said: the text recorded in the thread (a template's rendered body) and what outbound sends. */
    record Composed(String text, List<Media> media, Interactive interactive, TemplateRef template,
            CatalogTemplate catalogTemplate) {
    }

    /**
     * @param channel              the session's conversation channel
     * @param lastCustomerMessage  when the customer last wrote (null: never, a conversation the business started)
     */
    Composed compose(String orgId, Channel channel, Instant lastCustomerMessage, Instant now, ReplyContent.Request request) {
        Composed composed = content(orgId, channel, request);
        if (channel == Channel.WHATSAPP && !whatsappWindow.isOpen(lastCustomerMessage, now)) {
            requireTemplateOutsideWindow(orgId, composed);
        }
        return composed;
    }

    private Composed content(String orgId, Channel channel, ReplyContent.Request request) {
        String message = request.message();
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            throw new UnprocessableException("message", "A message has at most " + MAX_MESSAGE_LENGTH + " characters.");
        }
        if (request.template() != null) {
            if (!request.mediaUrls().isEmpty() || request.interactive() != null || present(message)) {
                throw new UnprocessableException("template", "A template is sent alone: its own text, media and buttons "
                        + "come from the template (leave out message, mediaUrls and interactive).");
            }
            ReplyContent.TemplateRequest t = request.template();
            if (!present(t.key()) && !present(t.contentSid())) {
                throw new UnprocessableException("template.key", "Name the template by key or contentSid.");
            }
            TemplateCatalogService.Resolved resolved = templates.resolve(orgId, channel, language,
                    new TemplateCatalogService.Requested(t.key(), t.contentSid(), t.variables()));
            // WhatsApp sends the template itself (Content SID + ContentVariables, outbound resolves the key); SMS and
            // e-mail say its rendered text, so a Content SID never decides what an SMS shows
            return new Composed(resolved.text(), List.of(), null, channel == Channel.WHATSAPP ? resolved.ref() : null,
                    resolved.template());
        }
        List<Media> media = MediaRules.check(request.mediaUrls(), channel);
        if (request.interactive() != null) {
            if (!media.isEmpty()) {
                throw new UnprocessableException("interactive", "Interactive content cannot carry media: send them apart.");
            }
            Interactive interactive = InteractiveRules.check(request.interactive(), message, channel);
            return new Composed(interactive.body(), List.of(), interactive, null, null);
        }
        if (!present(message) && media.isEmpty()) {
            throw new UnprocessableException("message", "Say something: a message, mediaUrls, a template or interactive content.");
        }
        return new Composed(present(message) ? message : null, media, null, null, null);
    }

    private void requireTemplateOutsideWindow(String orgId, Composed composed) {
        if (composed.catalogTemplate() != null && composed.catalogTemplate().sendableOutsideWindow()) {
            return;
        }
        List<TemplateCatalogService.Allowed> allowed = templates.allowedOutsideWindow(orgId, language);
        String field = composed.catalogTemplate() != null ? "template" : composed.interactive() != null ? "interactive"
                : composed.text() == null ? "mediaUrls" : "message";
        String detail = (composed.catalogTemplate() != null
                ? "Template '" + composed.catalogTemplate().key() + "' is not approved for WhatsApp (or has no Content SID). "
                : "The customer's last WhatsApp message is older than " + whatsappWindow.length().toHours()
                        + " hours (or there is none): ")
                + "outside that window WhatsApp only delivers approved templates, so a template is required"
                + (allowed.isEmpty() ? "; this org has no approved template yet." : ": see allowedTemplates.");
        throw new UnprocessableException(detail, List.of(new UnprocessableException.FieldError(field, detail)),
                Map.of("allowedTemplates", allowed));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
