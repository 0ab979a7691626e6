package com.crmfactory.messaging.template.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.crmfactory.messaging.events.common.InteractiveOption;

/** A stored quick-reply button or list-picker item (table {@code message_template_option}). */
@Embeddable
public record TemplateOption(@Column(name = "option_id") String id, String title, String description) {

    static TemplateOption of(InteractiveOption option) {
        return new TemplateOption(option.id(), option.title(), option.description());
    }

    InteractiveOption toInteractive() {
        return new InteractiveOption(id, title, description);
    }
}
