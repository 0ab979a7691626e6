package com.crmfactory.messaging.template.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;

/**
 * A template as the API shows it; enums in their wire form ({@code quick-reply}, {@code approved}).
 *
 * @param channel null = any channel
 * @param rejectionReason Twilio's (Meta's) reason when the approval was rejected
 * @param approvalCheckedAt when the approval status was last synced from Twilio
 * @param builtIn one of the defaults every org has (cannot be deleted, its key cannot change)
 */
public record TemplateResponse(UUID id, String key, Channel channel, String language, TemplateType type, String body,
        List<String> variables, String contentSid, ApprovalStatus approvalStatus, String rejectionReason,
        Instant approvalCheckedAt, String buttonLabel, List<InteractiveOption> options, List<String> mediaUrls,
        boolean builtIn, Instant createdAt, Instant updatedAt, long version) {

    public static TemplateResponse of(MessageTemplate t) {
        return new TemplateResponse(t.id(), t.key(), t.channel(), t.language(), t.type(), t.body(), t.variables(),
                t.contentSid(), t.approvalStatus(), t.rejectionReason(), t.approvalCheckedAt(), t.buttonLabel(),
                t.interactiveOptions(), t.mediaUrls(), t.builtIn(), t.createdAt(), t.updatedAt(),
                t.version() == null ? 0 : t.version());
    }
}
