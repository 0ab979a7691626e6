package com.crmfactory.messaging.automation.action;

import java.util.Iterator;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.automation.definition.Action;
import com.crmfactory.messaging.automation.event.TriggerEvent;
import com.crmfactory.messaging.automation.variables.MissingVariableException;
import com.crmfactory.messaging.automation.variables.Placeholders;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OutboundChannel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills an action's variables from the trigger event and decides where a message goes. Fails with the
 * missing variable's name rather than ever producing a text with {@code {{…}}} in it.
 */
@Component
public class ActionRenderer {

    private final JsonMapper json;

    ActionRenderer(JsonMapper json) {
        this.json = json;
    }

    /**
     * @throws MissingVariableException  a placeholder without a value
     * @throws StepFailedException        the action cannot be addressed (no phone, no session, …)
     */
    public RenderedAction render(Action action, TriggerEvent event) {
        Map<String, String> values = event.variables();
        if (action instanceof Action.SendSms sms) {
            String number = bare(Placeholders.render(sms.to(), values).trim());
            if (!number.matches("\\+[1-9][0-9]{6,14}")) {
                throw new StepFailedException("send_sms: '" + sms.to() + "' is not a phone number (E.164)");
            }
            return message("send_sms", OutboundChannel.SMS, number, null, sms.body(), sms.templateKey(), event, values);
        }
        if (action instanceof Action.ChannelNotify notify) {
            return notify(notify, event, values);
        }
        if (action instanceof Action.AssignQueue queue) {
            return new RenderedAction.Queue(session(event), commandKey(event), queue.queue());
        }
        if (action instanceof Action.AddNote note) {
            return new RenderedAction.Note(session(event), commandKey(event), Placeholders.render(note.text(), values));
        }
        if (action instanceof Action.HttpRequest http) {
            return new RenderedAction.Http(http.url(),
                    http.body() == null ? defaultBody(event, values) : renderJson(http.body(), values));
        }
        return new RenderedAction.Pause(((Action.Wait) action).duration());
    }

    private RenderedAction notify(Action.ChannelNotify notify, TriggerEvent event, Map<String, String> values) {
        return switch (notify.channel()) {
            case "sms" -> message("channel_notify", OutboundChannel.SMS, required(values, "contact.phone"),
                    null, notify.body(), notify.templateKey(), event, values);
            case "whatsapp" -> message("channel_notify", OutboundChannel.WHATSAPP,
                    "whatsapp:" + required(values, "contact.phone"), null, notify.body(), notify.templateKey(), event, values);
            case "email" -> message("channel_notify", OutboundChannel.EMAIL, required(values, "contact.email"),
                    Placeholders.render(notify.subject(), values), notify.body(), notify.templateKey(), event, values);
            default -> originating(notify, event, values);
        };
    }

    /** The channel of the triggering message, or for an order the customer's last channel (the event carries it). */
    private RenderedAction originating(Action.ChannelNotify notify, TriggerEvent event, Map<String, String> values) {
        String channel = event.channel();
        String address = event.customerAddress();
        if (channel == null || address == null) {
            throw new StepFailedException("channel_notify originating: the customer's channel is not known");
        }
        return switch (channel) {
            case "whatsapp" -> message("channel_notify", OutboundChannel.WHATSAPP,
                    address.startsWith("whatsapp:") ? address : "whatsapp:" + address, null, notify.body(),
                    notify.templateKey(), event, values);
            case "email" -> message("channel_notify", OutboundChannel.EMAIL, address,
                    Placeholders.render(notify.subject(), values), notify.body(), notify.templateKey(), event, values);
            // sms, mms, and voice/voicemail: a caller is answered by SMS
            default -> message("channel_notify", OutboundChannel.SMS, bare(address), null, notify.body(),
                    notify.templateKey(), event, values);
        };
    }

    private static RenderedAction message(String type, OutboundChannel channel, String to, String subject, String body,
            String templateKey, TriggerEvent event, Map<String, String> values) {
        String rendered = Placeholders.render(body, values);
        Channel conversationChannel = switch (channel) {
            case WHATSAPP -> Channel.WHATSAPP;
            case EMAIL -> Channel.EMAIL;
            default -> Channel.SMS;
        };
        String key = ConversationKey.of(event.orgId(), conversationChannel, to).value();
        // the session goes along only when the message is in the trigger's own conversation
        String sessionId = key.equals(event.conversationKey()) ? event.sessionId() : null;
        return new RenderedAction.Message(type, channel, to, subject, rendered, templateKey,
                templateKey == null ? Map.of() : values, key, sessionId);
    }

    private static String required(Map<String, String> values, String variable) {
        String value = values.get(variable);
        if (value == null) {
            throw new MissingVariableException(variable);
        }
        return value;
    }

    private static String session(TriggerEvent event) {
        if (event.sessionId() == null) {
            throw new SessionNotKnownException();
        }
        return event.sessionId();
    }

    private static String commandKey(TriggerEvent event) {
        return event.conversationKey() != null ? event.conversationKey() : event.orgId() + ":" + event.sessionId();
    }

    private static String bare(String address) {
        return address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
    }

    private JsonNode defaultBody(TriggerEvent event, Map<String, String> values) {
        ObjectNode body = json.createObjectNode();
        body.put("trigger", event.type().wire());
        body.put("eventId", event.eventId());
        body.put("occurredAt", event.occurredAt().toString());
        ObjectNode variables = body.putObject("variables");
        values.forEach(variables::put);
        return body;
    }

    private JsonNode renderJson(JsonNode node, Map<String, String> values) {
        if (node.isString()) {
            return json.getNodeFactory().stringNode(Placeholders.render(node.asString(), values));
        }
        if (node.isObject()) {
            ObjectNode out = json.createObjectNode();
            node.properties().forEach(e -> out.set(e.getKey(), renderJson(e.getValue(), values)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext();) {
                out.add(renderJson(it.next(), values));
            }
            return out;
        }
        return node;
    }
}
