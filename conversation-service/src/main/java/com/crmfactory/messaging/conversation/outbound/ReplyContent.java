package com.crmfactory.messaging.conversation.outbound;

import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.events.Redacted;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a person asks to send in a conversation, as the REST API takes it: text, media URLs, a template, or
 * interactive buttons / a list. {@link ReplyComposer} checks it against the channel's rules.
 */
public final class ReplyContent {

    private ReplyContent() {
    }

    @Schema(description = "What to send: a text (message), media URLs, a template or interactive content.")
    public record Request(
            @Schema(description = "Free-form text, at most 1600 characters. Outside the WhatsApp window only a template may be sent.")
            String message,
            @Schema(description = "Public https URLs of media (WhatsApp: one attachment; MMS: at most 10, 5 MB in all; "
                    + "e-mail: attachments by URL).", example = "[\"https://cdn.example.com/catalogue.pdf\"]")
            List<String> mediaUrls,
            TemplateRequest template,
            InteractiveRequest interactive) {

        public Request {
            mediaUrls = mediaUrls == null ? List.of() : mediaUrls;
        }

        /** A text-only request. */
        public static Request text(String message) {
            return new Request(message, List.of(), null, null);
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    @Schema(description = "A template of the org (GET /api/v1/message-templates), by key or by Twilio Content SID, with its variables.")
    public record TemplateRequest(
            @Schema(example = "order_confirmation") String key,
            @Schema(example = "HX0123456789abcdef0123456789abcdef") String contentSid,
            @Schema(description = "Values of the template's {{variables}}, by name.",
                    example = "{\"customer_name\": \"Ana\", \"order_number\": \"SO-1042\"}") Map<String, String> variables) {

        public TemplateRequest {
            variables = variables == null ? Map.of() : variables;
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    @Schema(description = "Quick-reply buttons (kind quick-reply: at most 3 on WhatsApp, title ≤ 20) or a list "
            + "(kind list-picker: 1–10 items, title ≤ 24, description ≤ 72, buttonLabel ≤ 20); body ≤ 1024.")
    public record InteractiveRequest(
            @Schema(allowableValues = {"quick-reply", "list-picker"}) String kind,
            @Schema(description = "The text above the buttons; defaults to message.") String body,
            @Schema(description = "The button that opens a list (list-picker only).") String buttonLabel,
            List<Option> options) {

        public InteractiveRequest {
            options = options == null ? List.of() : options;
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    public record Option(String id, String title, String description) {

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }
}
