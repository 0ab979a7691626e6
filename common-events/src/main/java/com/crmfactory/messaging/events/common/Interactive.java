package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.util.List;
import java.util.Objects;

/**
 * Interactive content sent in-session: quick-reply buttons or a list picker (Twilio allows 1 to 10
 * options; a list picker also needs the label of the button that opens the menu).
 */
@EventPayload
public record Interactive(InteractiveKind kind, String body, String buttonLabel, List<InteractiveOption> options) {

    public static final int MAX_OPTIONS = 10;

    public Interactive {
        Objects.requireNonNull(kind, "kind");
        Checks.notBlank(body, "body");
        options = List.copyOf(Objects.requireNonNull(options, "options"));
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("options must hold 1 to " + MAX_OPTIONS + " items");
        }
        if (kind == InteractiveKind.LIST_PICKER && (buttonLabel == null || buttonLabel.isBlank())) {
            throw new IllegalArgumentException("a list picker needs a buttonLabel");
        }
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
