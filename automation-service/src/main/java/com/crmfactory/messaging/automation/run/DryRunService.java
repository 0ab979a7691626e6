package com.crmfactory.messaging.automation.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.crmfactory.messaging.automation.action.ActionRenderer;
import com.crmfactory.messaging.automation.action.RenderedAction;
import com.crmfactory.messaging.automation.action.StepFailedException;
import com.crmfactory.messaging.automation.condition.ConditionEvaluator;
import com.crmfactory.messaging.automation.definition.Action;
import com.crmfactory.messaging.automation.definition.AutomationService;
import com.crmfactory.messaging.automation.definition.CompiledAutomation;
import com.crmfactory.messaging.automation.event.Contact;
import com.crmfactory.messaging.automation.event.TriggerEvent;
import com.crmfactory.messaging.automation.variables.MissingVariableException;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.support.web.UnprocessableException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST …/{id}/test}: the automation's current version against a sample event. Evaluates the trigger
 * filters and conditions and renders every action; nothing is stored or sent.
 */
@Service
public class DryRunService {

    private final AutomationService automations;
    private final ConditionEvaluator conditions;
    private final ActionRenderer renderer;
    private final JsonMapper json;
    private final Clock clock;

    DryRunService(AutomationService automations, ConditionEvaluator conditions, ActionRenderer renderer, JsonMapper json,
            Clock clock) {
        this.automations = automations;
        this.conditions = conditions;
        this.renderer = renderer;
        this.json = json;
        this.clock = clock;
    }

    public RunViews.DryRun test(String orgId, String automationId, JsonNode sample) {
        CompiledAutomation automation = automations.current(orgId, automationId);
        TriggerEvent event = sampleEvent(orgId, automation, sample == null ? json.createObjectNode() : sample);
        boolean triggered = conditions.triggers(automation.definition().trigger(), event);
        List<RunViews.ConditionResult> verdicts = new ArrayList<>();
        var list = conditions.verdicts(automation.definition().conditions(), event);
        for (int i = 0; i < list.size(); i++) {
            verdicts.add(new RunViews.ConditionResult(i, list.get(i).type(), list.get(i).passed()));
        }
        List<RunViews.RenderedStep> steps = new ArrayList<>();
        List<Action> actions = automation.definition().actions();
        for (int i = 0; i < actions.size(); i++) {
            try {
                RenderedAction rendered = renderer.render(actions.get(i), event);
                Map<String, Object> shown = new LinkedHashMap<>(rendered.describe());
                steps.add(new RunViews.RenderedStep(i, actions.get(i).type(), "rendered", shown, null));
            } catch (MissingVariableException | StepFailedException e) {
                steps.add(new RunViews.RenderedStep(i, actions.get(i).type(), "failed", null, e.getMessage()));
            }
        }
        return new RunViews.DryRun(automationId, automation.version(), triggered,
                verdicts.stream().allMatch(RunViews.ConditionResult::passed), verdicts, steps);
    }

    /**
     * The sample: {@code {channel, from, body, contact: {name, phone, email}, session: {id, intent, status},
     * payload: {...}, occurredAt}} — every part optional; the trigger type is the automation's.
     */
    private TriggerEvent sampleEvent(String orgId, CompiledAutomation automation, JsonNode sample) {
        if (!sample.isObject()) {
            throw new UnprocessableException("sample", "the sample event is a JSON object");
        }
        JsonNode contact = sample.path("contact");
        JsonNode session = sample.path("session");
        String channel = text(sample, "channel");
        String from = text(sample, "from");
        if (from == null) {
            from = "email".equals(channel) ? text(contact, "email") : text(contact, "phone");
            if ("whatsapp".equals(channel) && from != null) {
                from = "whatsapp:" + from;
            }
        }
        String key = null;
        if (channel != null && from != null) {
            try {
                key = ConversationKey.of(orgId, Channel.fromWire("voicemail".equals(channel) ? "voice" : channel), from)
                        .value();
            } catch (IllegalArgumentException e) {
                throw new UnprocessableException("channel", "unknown channel '" + channel + "'");
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        if (sample.path("payload").isObject()) {
            payload.putAll(json.convertValue(sample.get("payload"), Map.class));
        }
        if (text(sample, "body") != null) {
            payload.putIfAbsent("body", text(sample, "body"));
        }
        Instant at = text(sample, "occurredAt") == null ? clock.instant() : Instant.parse(text(sample, "occurredAt"));
        return new TriggerEvent("dry-run", orgId, automation.definition().trigger().type(), channel, key, from,
                text(session, "id"), new Contact(text(contact, "name"), text(contact, "phone"), text(contact, "email")),
                text(session, "intent"), text(session, "status"), text(sample, "body"), payload, 0, at);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
