package com.crmfactory.messaging.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.support.Api;
import com.crmfactory.messaging.automation.support.AutomationServiceTest;
import com.crmfactory.messaging.automation.support.Events;

import tools.jackson.databind.JsonNode;

/** The automations API: the documented JSON shape, versions, enable/disable, validation, dry runs, tenants. */
class AutomationApiIT extends AutomationServiceTest {

    static final String REFUND = """
            { "name": "Refund requests", "enabled": false,
              "trigger": {"type": "channel_message_received", "channels": ["whatsapp"]},
              "conditions": [ {"type": "body_contains", "value": "refund"} ],
              "actions": [ {"type": "channel_notify", "channel": "originating", "body": "Hi {{contact.name}}, we saw: {{message.body}}"},
                           {"type": "assign_queue", "queue": "billing"} ] }""";

    @Override
    protected String orgLabel() {
        return "api";
    }

    @Test
    void createReadReplaceDeleteWithVersions() {
        Api.Response created = api.post(org, "/api/v1/automations", REFUND);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.at("/version").asInt()).isEqualTo(1);
        assertThat(created.at("/enabled").asBoolean()).isFalse();
        assertThat(created.text("/trigger/type")).isEqualTo("channel_message_received");
        assertThat(created.text("/trigger/channels/0")).isEqualTo("whatsapp");
        assertThat(created.text("/actions/0/channel")).isEqualTo("originating");
        assertThat(created.text("/createdAt")).isNotBlank();
        assertThat(created.text("/updatedAt")).isNotBlank();

        JsonNode changed = Api.json().readTree(REFUND.replace("Refund requests", "Refunds (v2)"));
        Api.Response replaced = api.put(org, "/api/v1/automations/" + id, changed);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.at("/version").asInt()).isEqualTo(2);
        assertThat(replaced.text("/name")).isEqualTo("Refunds (v2)");
        // a GET sent back as it came is a valid PUT
        Api.Response again = api.put(org, "/api/v1/automations/" + id, api.get(org, "/api/v1/automations/" + id).body());
        assertThat(again.at("/version").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM automation_version WHERE automation_id = ?::uuid",
                Integer.class, id)).isEqualTo(3);

        assertThat(api.post(org, "/api/v1/automations/" + id + "/enable", null).at("/enabled").asBoolean()).isTrue();
        assertThat(api.get(org, "/api/v1/automations/" + id).at("/version").asInt()).as("enabling is no new version")
                .isEqualTo(3);
        assertThat(api.post(org, "/api/v1/automations/" + id + "/disable", null).at("/enabled").asBoolean()).isFalse();

        Api.Response list = api.get(org, "/api/v1/automations?page=0&size=10");
        assertThat(list.at("/totalItems").asLong()).isEqualTo(1);
        assertThat(list.text("/items/0/id")).isEqualTo(id);

        assertThat(api.delete(org, "/api/v1/automations/" + id).status()).isEqualTo(204);
        assertThat(api.get(org, "/api/v1/automations/" + id).status()).isEqualTo(404);
        assertThat(api.get(org, "/api/v1/automations").at("/totalItems").asLong()).isZero();
    }

    @Test
    void invalidDefinitionsAre400NamingTheFieldAndChangeNothing() {
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_sent"}, "actions": [{"type": "add_note", "text": "x"}]}""",
                "trigger.type", "unknown trigger");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "hi"},
                             {"type": "channel_notify", "channel": "pigeon", "body": "hi"}]}""",
                "actions[1].channel", "unknown channel");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"}, "actions": [{"type": "send_fax", "to": "+14155550123"}]}""",
                "actions[0].type", "unknown action");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "channel_message_received", "channels": ["sms", "telegram"]},
                 "actions": [{"type": "add_note", "text": "x"}]}""", "trigger.channels[1]", "unknown channel");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "Order {{order_number}} is {{status}}"}]}""",
                "actions[0].body", "{{order_number}} is not provided by trigger sms_received");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"}, "conditions": [{"type": "body_matches", "pattern": "(unclosed"}],
                 "actions": [{"type": "add_note", "text": "x"}]}""", "conditions[0].pattern", "not a valid regular expression");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"}, "actions": [{"type": "send_sms", "to": "0170 1234", "body": "hi"}]}""",
                "actions[0].to", "E.164");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"}, "actions": [{"type": "http_request", "url": "http://example.com/hook"}]}""",
                "actions[0].url", "https");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "sms_received"}, "actions": [{"type": "wait", "duration": "10 minutes"}]}""",
                "actions[0].duration", "ISO-8601");
        assertInvalid("""
                {"name": "x", "trigger": {"type": "session_completed"}, "conditions": [{"type": "keywords", "values": ["a"]}],
                 "actions": [{"type": "add_note", "text": "x"}]}""", "conditions[0].type", "needs a message trigger");
        assertInvalid("""
                {"trigger": {"type": "sms_received"}, "actions": []}""", "name", "required");
        assertThat(api.get(org, "/api/v1/automations").at("/totalItems").asLong()).isZero();
    }

    @Test
    void anUpdateThatIsInvalidKeepsTheCurrentVersion() {
        String id = create(org, REFUND);
        Api.Response bad = api.put(org, "/api/v1/automations/" + id, """
                {"name": "x", "trigger": {"type": "order_status_changed"}, "actions": [{"type": "wait", "duration": "P90D"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("actions[0].duration");
        assertThat(api.get(org, "/api/v1/automations/" + id).at("/version").asInt()).isEqualTo(1);
    }

    @Test
    void anotherOrgCanNeitherSeeNorChangeAnAutomation() {
        String id = create(org, REFUND);
        String other = Events.org("api-other");
        String path = "/api/v1/automations/" + id;

        assertThat(api.get(other, path).status()).isEqualTo(404);
        assertThat(api.put(other, path, REFUND).status()).isEqualTo(404);
        assertThat(api.post(other, path + "/enable", null).status()).isEqualTo(404);
        assertThat(api.post(other, path + "/test", "{}").status()).isEqualTo(404);
        assertThat(api.get(other, path + "/runs").status()).isEqualTo(404);
        assertThat(api.delete(other, path).status()).isEqualTo(404);
        assertThat(api.get(other, "/api/v1/automations").at("/totalItems").asLong()).isZero();
        assertThat(api.get(org, path).at("/enabled").asBoolean()).isFalse();
        assertThat(api.get(org, path).at("/version").asInt()).isEqualTo(1);
        assertThat(api.get(org, "/api/v1/automations/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void aDryRunRendersTheActionsAndSendsNothing() {
        String id = create(org, REFUND);
        Api.Response test = api.post(org, "/api/v1/automations/" + id + "/test", """
                {"channel": "whatsapp", "body": "I want a refund", "contact": {"name": "Ana", "phone": "+14155550100"},
                 "session": {"id": "s-1"}}""");

        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        assertThat(test.at("/triggered").asBoolean()).isTrue();
        assertThat(test.at("/conditionsPassed").asBoolean()).isTrue();
        assertThat(test.text("/actions/0/status")).isEqualTo("rendered");
        assertThat(test.text("/actions/0/rendered/channel")).isEqualTo("whatsapp");
        assertThat(test.text("/actions/0/rendered/to")).isEqualTo("whatsapp:+14155550100");
        assertThat(test.text("/actions/0/rendered/body")).isEqualTo("Hi Ana, we saw: I want a refund");
        assertThat(test.text("/actions/1/rendered/queue")).isEqualTo("billing");

        Api.Response missing = api.post(org, "/api/v1/automations/" + id + "/test", """
                {"channel": "whatsapp", "body": "refund", "contact": {"phone": "+14155550100"}}""");
        assertThat(missing.text("/actions/0/status")).isEqualTo("failed");
        assertThat(missing.text("/actions/0/error")).isEqualTo("variable {{contact.name}} is not available");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM automation_run", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class)).isZero();
    }

    private void assertInvalid(String json, String field, String message) {
        Api.Response response = api.post(org, "/api/v1/automations", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/errors").values()).as(response.toString())
                .anySatisfy(error -> {
                    assertThat(error.path("field").asString()).isEqualTo(field);
                    assertThat(error.path("message").asString()).contains(message);
                });
    }
}
