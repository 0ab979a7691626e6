package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.util.Map;

/**
 * A template to send: by our {@code key} (resolved from the catalogue, per language) or directly by
 * Twilio Content SID. Variables are strings, as Twilio's {@code ContentVariables} requires.
 */
@EventPayload
public record TemplateRef(String key, String contentSid, String language, Map<String, String> variables) {

    public TemplateRef {
        if (key == null && contentSid == null) {
            throw new IllegalArgumentException("a template needs a key or a contentSid");
        }
        variables = Checks.mapOf(variables);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
