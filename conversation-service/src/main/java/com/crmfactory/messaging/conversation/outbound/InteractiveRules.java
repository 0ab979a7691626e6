package com.crmfactory.messaging.conversation.outbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveKind;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * Interactive content a person sends, checked against Twilio's Content API limits (docs/twilio.md#content-api-types-
 * and-limits): quick-reply buttons (at most 3 in a WhatsApp session without approval, title ≤ 20) or a list picker
 * (1–10 items, item ≤ 24, description ≤ 72, button label ≤ 20); body ≤ 1024; option ids ≤ 200 and unique. On SMS the
 * options go out as a numbered list, so up to 10 buttons are fine there.
 */
final class InteractiveRules {

    static final int MAX_BODY = 1024;
    static final int MAX_WHATSAPP_BUTTONS = 3;
    static final int MAX_OPTION_ID = 200;

    private InteractiveRules() {
    }

    static Interactive check(ReplyContent.InteractiveRequest request, String message, Channel channel) {
        InteractiveKind kind = kind(request.kind());
        String body = request.body() != null && !request.body().isBlank() ? request.body() : message;
        if (body == null || body.isBlank()) {
            throw new UnprocessableException("interactive.body", "Interactive content needs a body (or a message).");
        }
        if (body.length() > MAX_BODY) {
            throw new UnprocessableException("interactive.body", "The body has at most " + MAX_BODY + " characters.");
        }
        int max = kind == InteractiveKind.QUICK_REPLY && channel == Channel.WHATSAPP ? MAX_WHATSAPP_BUTTONS
                : Interactive.MAX_OPTIONS;
        if (request.options().isEmpty() || request.options().size() > max) {
            throw new UnprocessableException("interactive.options", (kind == InteractiveKind.QUICK_REPLY
                    ? "Quick replies" : "A list") + " need 1 to " + max + " options"
                    + (max == MAX_WHATSAPP_BUTTONS ? " on WhatsApp (in-session buttons without approval)." : "."));
        }
        String buttonLabel = null;
        if (kind == InteractiveKind.LIST_PICKER) {
            buttonLabel = request.buttonLabel();
            if (buttonLabel == null || buttonLabel.isBlank() || buttonLabel.length() > 20) {
                throw new UnprocessableException("interactive.buttonLabel", "A list needs a buttonLabel of 1 to 20 characters.");
            }
        }
        int maxTitle = kind == InteractiveKind.QUICK_REPLY ? 20 : 24;
        Set<String> ids = new HashSet<>();
        List<InteractiveOption> options = new ArrayList<>();
        for (int i = 0; i < request.options().size(); i++) {
            ReplyContent.Option option = request.options().get(i);
            String field = "interactive.options[" + i + "]";
            if (option == null || option.title() == null || option.title().isBlank() || option.title().length() > maxTitle) {
                throw new UnprocessableException(field + ".title", "A title of 1 to " + maxTitle + " characters is required.");
            }
            String id = option.id() == null || option.id().isBlank() ? option.title().trim() : option.id().trim();
            if (id.length() > MAX_OPTION_ID || !ids.add(id)) {
                throw new UnprocessableException(field + ".id", "Option ids are unique and at most " + MAX_OPTION_ID
                        + " characters.");
            }
            if (option.description() != null && (kind == InteractiveKind.QUICK_REPLY || option.description().length() > 72)) {
                throw new UnprocessableException(field + ".description", kind == InteractiveKind.QUICK_REPLY
                        ? "Quick-reply buttons have no description." : "A description has at most 72 characters.");
            }
            options.add(new InteractiveOption(id, option.title().trim(), option.description()));
        }
        return new Interactive(kind, body, buttonLabel, options);
    }

    private static InteractiveKind kind(String kind) {
        if (kind != null) {
            for (InteractiveKind value : InteractiveKind.values()) {
                if (value.wire().equals(kind.trim())) {
                    return value;
                }
            }
        }
        throw new UnprocessableException("interactive.kind", "Use quick-reply (buttons) or list-picker (a list).");
    }
}
