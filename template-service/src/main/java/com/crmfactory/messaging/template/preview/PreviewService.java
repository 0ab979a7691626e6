package com.crmfactory.messaging.template.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.template.catalog.MessageTemplate;
import com.crmfactory.messaging.template.catalog.Placeholders;
import com.crmfactory.messaging.template.catalog.TemplateRules;
import com.crmfactory.messaging.template.catalog.TemplateService;

/**
 * Renders a template with given values. A missing or blank value is a 422 naming the variable; the
 * rendered text is held to Twilio's length limits too, since a long value can push it over them.
 */
@Service
public class PreviewService {

    private final TemplateService templates;

    PreviewService(TemplateService templates) {
        this.templates = templates;
    }

    @Transactional(readOnly = true)
    public PreviewResponse preview(String orgId, UUID id, Map<String, String> values) {
        MessageTemplate t = templates.find(orgId, id);
        Map<String, String> declared = new LinkedHashMap<>();
        for (String name : t.variables()) {
            Placeholders.render("{{" + name + "}}", values); // reports a missing value by name
            declared.put(name, values.get(name));
        }
        String body = Placeholders.render(t.body(), declared);
        String buttonLabel = Placeholders.render(t.buttonLabel(), declared);
        List<InteractiveOption> options = t.interactiveOptions().stream()
                .map(o -> new InteractiveOption(Placeholders.render(o.id(), declared),
                        Placeholders.render(o.title(), declared), Placeholders.render(o.description(), declared)))
                .toList();
        List<String> mediaUrls = t.mediaUrls().stream().map(url -> Placeholders.render(url, declared)).toList();
        TemplateRules.checkLengths(t.type(), body, buttonLabel, options);
        return new PreviewResponse(t.id(), t.key(), t.type(), t.language(), t.contentSid(), t.approvalStatus(), body,
                buttonLabel, options, mediaUrls, declared);
    }
}
