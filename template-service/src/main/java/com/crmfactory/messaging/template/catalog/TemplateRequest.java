package com.crmfactory.messaging.template.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.crmfactory.messaging.events.common.InteractiveOption;

/**
 * Body of {@code POST} and {@code PUT /api/v1/message-templates}. PUT replaces the whole template.
 * The approval status is not part of it: Twilio decides it, the sync records it.
 *
 * @param key the org-unique name senders use: lower-case letters, digits and '_' (like WhatsApp template names)
 * @param channel sms, mms, whatsapp or email; omitted = any channel
 * @param language e.g. {@code en}, {@code en_US}, {@code pt-BR}
 * @param type text, media, quick-reply or list-picker
 * @param body text with {@code {{variable}}} placeholders (may be empty for media)
 * @param variables every placeholder name used, each exactly once
 * @param contentSid the Twilio Content resource (HX + 32 hex digits), if one exists
 * @param buttonLabel list picker only: the button that opens the menu
 * @param options quick-reply buttons or list-picker items (1 to 10)
 * @param mediaUrls media only: 1 to 10 http(s) URLs
 */
public record TemplateRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9_]{1,64}", message = "must be 1 to 64 lower-case letters, digits or '_'")
        String key,
        @Pattern(regexp = WireValues.CHANNELS, message = "must be one of sms, mms, whatsapp, email (omit it for any channel)")
        String channel,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}([_-][A-Za-z0-9]{2,4})?", message = "must be a language code such as en, en_US or pt-BR")
        String language,
        @NotBlank @Pattern(regexp = WireValues.TYPES, message = "must be one of text, media, quick-reply, list-picker")
        String type,
        @NotNull String body,
        List<@NotBlank String> variables,
        @Pattern(regexp = "HX[0-9a-fA-F]{32}", message = "must be a Twilio Content SID: HX followed by 32 hex digits")
        String contentSid,
        String buttonLabel,
        List<@Valid @NotNull OptionRequest> options,
        List<@NotBlank String> mediaUrls) {

    /** A quick-reply button or list-picker item; {@code id} comes back in the customer's reply. */
    public record OptionRequest(@NotBlank String id, @NotBlank String title, String description) {
    }

    public TemplateContent toContent() {
        return new TemplateContent(key, WireValues.channel(channel, "channel"), language,
                WireValues.type(type, "type"), body, variables, contentSid, buttonLabel,
                options == null ? List.of() : options.stream()
                        .map(o -> new InteractiveOption(o.id(), o.title(), o.description())).toList(),
                mediaUrls);
    }
}
