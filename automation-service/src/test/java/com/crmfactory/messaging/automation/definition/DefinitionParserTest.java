package com.crmfactory.messaging.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.config.AutomationProperties;
import com.crmfactory.messaging.automation.event.TriggerType;

import tools.jackson.databind.json.JsonMapper;

class DefinitionParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DefinitionParser parser = new DefinitionParser(new AutomationProperties(Duration.ofSeconds(10), 2,
            1_000_000, Duration.ofSeconds(1), Duration.ofMillis(500), 20,
            new AutomationProperties.Http(Duration.ofSeconds(5), 3, Duration.ofMillis(500), List.of("localhost"))));

    @Test
    void readsTheDocumentedShape() {
        Definition definition = parse("""
                { "name": " Orders ", "enabled": false,
                  "trigger": {"type": "order_status_changed", "statuses": ["shipped"]},
                  "conditions": [ {"type": "contact_field", "field": "name", "operator": "present"},
                                  {"type": "business_hours", "timeZone": "Europe/Berlin", "days": ["MON", "fri"], "from": "09:00", "to": "17:00"} ],
                  "actions": [ {"type": "channel_notify", "channel": "originating", "body": "Your order {{order_number}} is {{status}}"},
                               {"type": "send_sms", "to": "+14155550123", "templateKey": "order_update"},
                               {"type": "wait", "duration": "PT10M"},
                               {"type": "http_request", "url": "https://erp.example.com/hook", "body": {"n": "{{order_number}}"}},
                               {"type": "add_note", "text": "{{carrier}}"} ] }""");

        assertThat(definition.name()).isEqualTo("Orders");
        assertThat(definition.trigger().type()).isEqualTo(TriggerType.ORDER_STATUS_CHANGED);
        assertThat(definition.trigger().statuses()).containsExactly("shipped");
        assertThat(definition.conditions()).hasSize(2);
        assertThat(definition.actions()).extracting(Action::type)
                .containsExactly("channel_notify", "send_sms", "wait", "http_request", "add_note");
        assertThat(((Action.Wait) definition.actions().get(2)).duration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void collectsEveryProblemWithItsFieldPath() {
        assertThatThrownBy(() -> parse("""
                { "name": "", "trigger": {"type": "sms_received"},
                  "conditions": [ {"type": "business_hours", "timeZone": "Mars/Olympus", "days": ["XYZ"], "from": "18:00", "to": "09:00"} ],
                  "actions": [ {"type": "send_sms", "to": "+1", "body": "x"},
                               {"type": "channel_notify", "channel": "originating", "body": "{{session.id}} {{status}}"} ] }"""))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(InvalidDefinitionException.FieldError::field)
                        .contains("name", "conditions[0].timeZone", "conditions[0].days[0]", "conditions[0].to",
                                "actions[0].to", "actions[1].body"));
    }

    @Test
    void aBodyAndATemplateAreExclusive() {
        assertThatThrownBy(() -> parse("""
                {"name": "x", "trigger": {"type": "sms_received"},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "a", "templateKey": "b"}]}"""))
                .isInstanceOfSatisfying(InvalidDefinitionException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("actions[0].body"));
    }

    @Test
    void httpIsOnlyForTheDevelopmentHosts() {
        assertThat(parse("""
                {"name": "x", "trigger": {"type": "sms_received"},
                 "actions": [{"type": "http_request", "url": "http://localhost:8080/hook"}]}""").actions()).hasSize(1);
        assertThatThrownBy(() -> parse("""
                {"name": "x", "trigger": {"type": "sms_received"},
                 "actions": [{"type": "http_request", "url": "http://hooks.example.com/"}]}"""))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("actions[0].url");
    }

    @Test
    void orderTriggersAcceptTheErpsOwnFieldsAsVariables() {
        assertThat(TriggerType.ORDER_STATUS_CHANGED.provides("trackingUrl")).isTrue();
        assertThat(TriggerType.SMS_RECEIVED.provides("trackingUrl")).isFalse();
        assertThat(TriggerType.SMS_RECEIVED.provides("message.body")).isTrue();
        assertThat(TriggerType.CONVERSATION_ESCALATED.provides("message.body")).isFalse();
    }

    private Definition parse(String json) {
        return parser.parse(JSON.readTree(json));
    }
}
