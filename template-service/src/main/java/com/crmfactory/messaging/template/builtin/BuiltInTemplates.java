package com.crmfactory.messaging.template.builtin;

import java.util.List;

import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.template.catalog.TemplateContent;

/**
 * The templates every org has, in English and for any channel. The AI agent and automations send them by
 * key, so their keys never change; orgs may reword them. Their Content SIDs come from
 * {@code TWILIO_TPL_<KEY>} when the deployment sets one, else from their own Content resource, which
 * {@code ContentProvisioner} creates in Twilio for each org.
 */
public final class BuiltInTemplates {

    public static final String WELCOME_MENU = "welcome_menu";
    public static final String ORDER_CONFIRMATION = "order_confirmation";
    public static final String PART_SELECTION_LIST = "part_selection_list";

    /** At most 3 buttons: more need an approved template to be sent in-session (docs/twilio.md#content-api-types-and-limits). */
    private static final TemplateContent WELCOME = new TemplateContent(WELCOME_MENU, null, "en",
            TemplateType.QUICK_REPLY, "Hi, thanks for reaching out! What can we help you with today?", List.of(), null,
            null, List.of(
                    new InteractiveOption("order_status", "Check an order", null),
                    new InteractiveOption("find_part", "Find a part", null),
                    new InteractiveOption("talk_to_agent", "Talk to a person", null)),
            List.of());

    private static final TemplateContent ORDER = new TemplateContent(ORDER_CONFIRMATION, null, "en", TemplateType.TEXT,
            "Hi {{customer_name}}, your order {{order_number}} is {{status}}. Total: {{total}}. "
                    + "Expected delivery: {{delivery_date}}. Reply to this message if you have any questions.",
            List.of("customer_name", "order_number", "status", "total", "delivery_date"), null, null, List.of(),
            List.of());

    /** Three ERP search results to choose from; the sender fills in each item from its lookup. */
    private static final TemplateContent PARTS = new TemplateContent(PART_SELECTION_LIST, null, "en",
            TemplateType.LIST_PICKER, "We found these parts for \"{{query}}\". Pick one to see its price and stock.",
            List.of("query", "sku_1", "name_1", "detail_1", "sku_2", "name_2", "detail_2", "sku_3", "name_3", "detail_3"),
            null, "Choose a part", List.of(
                    new InteractiveOption("{{sku_1}}", "{{name_1}}", "{{detail_1}}"),
                    new InteractiveOption("{{sku_2}}", "{{name_2}}", "{{detail_2}}"),
                    new InteractiveOption("{{sku_3}}", "{{name_3}}", "{{detail_3}}")),
            List.of());

    private static final List<TemplateContent> ALL = List.of(WELCOME, ORDER, PARTS);

    private BuiltInTemplates() {
    }

    public static List<TemplateContent> all() {
        return ALL;
    }

    public static List<String> keys() {
        return ALL.stream().map(TemplateContent::key).toList();
    }
}
