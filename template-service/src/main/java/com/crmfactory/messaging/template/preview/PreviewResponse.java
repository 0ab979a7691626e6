package com.crmfactory.messaging.template.preview;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;

/**
 * A template filled in: what the customer would see.
 *
 * @param contentVariables the values of the declared variables, as a sender passes them to Twilio
 *        ({@code ContentVariables}) together with {@code contentSid}
 */
public record PreviewResponse(UUID templateId, String key, TemplateType type, String language, String contentSid,
        ApprovalStatus approvalStatus, String body, String buttonLabel, List<InteractiveOption> options,
        List<String> mediaUrls, Map<String, String> contentVariables) {
}
