package com.crmfactory.messaging.events.template;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The full current state of one template (compacted topic, key = template id): consumers replace their
 * copy with it, they never merge.
 *
 * @param key         the org-unique name senders use, e.g. "order_confirmation"
 * @param channel     null when the template is for any channel
 * @param body        text with {@code {{variable}}} placeholders
 * @param variables   names declared for the body
 * @param contentSid  Twilio Content SID (HX…), after {@code TWILIO_TPL_*} overrides
 * @param buttonLabel the menu button of a list picker
 * @param options     quick-reply buttons or list-picker items
 * @param builtIn     one of the defaults every org has
 */
@EventPayload
public record TemplateUpserted(
        String orgId,
        String templateId,
        String key,
        Channel channel,
        String language,
        TemplateType type,
        String body,
        List<String> variables,
        String contentSid,
        ApprovalStatus approvalStatus,
        String buttonLabel,
        List<InteractiveOption> options,
        List<String> mediaUrls,
        Boolean builtIn,
        Instant occurredAt) implements DomainEvent {

    public TemplateUpserted {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(templateId, "templateId");
        Checks.notBlank(key, "key");
        Checks.notBlank(language, "language");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        variables = Checks.listOf(variables);
        Objects.requireNonNull(approvalStatus, "approvalStatus");
        options = Checks.listOf(options);
        mediaUrls = Checks.listOf(mediaUrls);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
