package com.crmfactory.messaging.template.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.template.catalog.TemplateContent;
import com.twilio.rest.content.v1.Content;

/**
 * What a template becomes in Twilio's Content API ({@code POST /v1/Content}): one content type per template
 * type ({@code twilio/text}, {@code twilio/media}, {@code twilio/quick-reply}, {@code twilio/list-picker}),
 * the named placeholders kept as they are, and a sample value for every variable (Meta reviews the template
 * with them, so they read like real data).
 */
final class ContentDefinition {

    /** WhatsApp approves every type but list pickers, which are in-session only (docs/twilio.md). */
    static boolean needsApproval(TemplateType type) {
        return type != TemplateType.LIST_PICKER;
    }

    /** Unique in the account, lower-case snake (also the WhatsApp template name): key + template id (+ generation). */
    static String friendlyName(String key, UUID templateId, int generation) {
        return key + "_" + templateId.toString().replace("-", "").substring(0, 16) + (generation > 1 ? "_v" + generation : "");
    }

    static Content.ContentCreateRequest of(TemplateContent template, String friendlyName) {
        Content.Types.Builder types = Content.Types.builder();
        switch (template.type()) {
            case TEXT -> types.twilioText(new Content.TwilioText.Builder(template.body()).build());
            case MEDIA -> types.twilioMedia(new Content.TwilioMedia.Builder(template.mediaUrls()).body(template.body()).build());
            case QUICK_REPLY -> types.twilioQuickReply(new Content.TwilioQuickReply.Builder(template.body(),
                    template.options().stream().map(ContentDefinition::button).toList()).build());
            case LIST_PICKER -> types.twilioListPicker(new Content.TwilioListPicker.Builder(template.body(),
                    template.buttonLabel(), template.options().stream().map(ContentDefinition::item).toList()).build());
        }
        return Content.ContentCreateRequest.builder(template.language(), types.build())
                .friendlyName(friendlyName)
                .variables(samples(template.variables()))
                .build();
    }

    static Map<String, String> samples(List<String> variables) {
        Map<String, String> samples = new LinkedHashMap<>();
        variables.forEach(name -> samples.put(name, sample(name)));
        return samples;
    }

    /** A plausible value: the built-ins' variables by name, others by what their name suggests. */
    static String sample(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.matches("sku_\\d+")) {
            return "BRG-620" + n.substring(4) + "-2RS";
        }
        if (n.matches("name_\\d+")) {
            return "Ball bearing 620" + n.substring(5);
        }
        if (n.matches("detail_\\d+")) {
            return "BRG-620" + n.substring(7) + "-2RS · $4.20";
        }
        return switch (n) {
            case "customer_name", "name", "first_name" -> "Ada";
            case "order_number", "order" -> "SO-100001";
            case "status" -> "shipped";
            case "total", "amount", "price" -> "$120.00";
            case "delivery_date", "date" -> "Friday, 12 June";
            case "query" -> "ball bearing";
            default -> n.contains("date") ? "12 June" : n.contains("number") ? "100001" : "sample " + n.replace('_', ' ');
        };
    }

    private static Content.QuickReplyAction button(InteractiveOption option) {
        return new Content.QuickReplyAction.Builder(option.title()).type(Content.QuickReplyActionType.QUICK_REPLY)
                .id(option.id()).build();
    }

    private static Content.ListItem item(InteractiveOption option) {
        Content.ListItem.Builder item = new Content.ListItem.Builder(option.id(), option.title());
        return (option.description() == null ? item : item.description(option.description())).build();
    }

    private ContentDefinition() {
    }
}
