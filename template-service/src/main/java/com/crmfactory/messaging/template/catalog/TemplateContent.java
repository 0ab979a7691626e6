package com.crmfactory.messaging.template.catalog;

import java.util.List;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;

/**
 * What a caller (or a built-in definition) says a template is: everything but its identity and its
 * approval state, which Twilio owns. Checked by {@link TemplateRules} before it reaches the entity.
 *
 * @param channel null when the template is usable on any channel
 * @param contentSid Twilio Content SID (HX…), null when the template has no Content resource yet
 * @param buttonLabel the button that opens a list picker's menu
 */
public record TemplateContent(String key, Channel channel, String language, TemplateType type, String body,
        List<String> variables, String contentSid, String buttonLabel, List<InteractiveOption> options,
        List<String> mediaUrls) {

    public TemplateContent {
        variables = variables == null ? List.of() : List.copyOf(variables);
        options = options == null ? List.of() : List.copyOf(options);
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    public TemplateContent withContentSid(String sid) {
        return new TemplateContent(key, channel, language, type, body, variables, sid, buttonLabel, options, mediaUrls);
    }
}
