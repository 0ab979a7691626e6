package com.crmfactory.messaging.automation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.support.web.OrgContextToken;

import tools.jackson.databind.JsonNode;

/** The service for a test class ({@link AutomationIT}), its API as the gateway calls it, and probes; an org per test. */
@AutomationIT
public abstract class AutomationServiceTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected OrgContextToken tokens;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    protected String org;

    protected abstract String orgLabel();

    @BeforeEach
    void connect() {
        api = new Api(port, tokens);
        org = Events.org(orgLabel());
    }

    /** Creates an automation (enabled unless the JSON says otherwise) and returns its id. */
    protected String create(String org, String json) {
        Api.Response created = api.post(org, "/api/v1/automations", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** Waits for the automation's runs to reach {@code count} and all of them to have ended. */
    protected List<JsonNode> awaitRuns(String org, String automationId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode items = api.get(org, "/api/v1/automations/" + automationId + "/runs").at("/items");
            return items.size() >= count && items.values().stream()
                    .noneMatch(r -> r.path("status").asString().equals("running")
                            || r.path("status").asString().equals("waiting"));
        });
        return List.copyOf(api.get(org, "/api/v1/automations/" + automationId + "/runs").at("/items").values());
    }

    protected JsonNode run(String org, String runId) {
        return api.get(org, "/api/v1/automations/runs/" + runId).body();
    }

    /** Runs started by one trigger event (the unique key): 0 or 1. */
    protected int runsOfEvent(String eventId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM automation_run WHERE trigger_event_id = ?", Integer.class,
                eventId);
        return count == null ? 0 : count;
    }

    /** Waits until the consumer has processed the event (its guard row exists). */
    protected void awaitProcessed(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", Integer.class, consumer,
                eventId) == 1);
    }

    protected static OutboundMessageRequested awaitRequest(Predicate<OutboundMessageRequested> filter) {
        return Kafka.watch(Topics.OUTBOUND_REQUESTS).awaitOne(OutboundMessageRequested.class, filter);
    }

    protected static List<OutboundMessageRequested> requests(String org) {
        return Kafka.watch(Topics.OUTBOUND_REQUESTS).events(OutboundMessageRequested.class, r -> r.orgId().equals(org));
    }
}
