package com.crmfactory.messaging.template.preview;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/message-templates/{id}/preview}.
 *
 * @param variables a value for every declared variable; names the template does not declare are ignored
 */
public record PreviewRequest(Map<String, String> variables) {

    public PreviewRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
