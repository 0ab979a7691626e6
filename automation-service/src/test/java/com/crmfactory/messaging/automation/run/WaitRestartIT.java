package com.crmfactory.messaging.automation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.automation.AutomationApplication;
import com.crmfactory.messaging.automation.support.Api;
import com.crmfactory.messaging.automation.support.Events;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.testsupport.Infrastructure;

/**
 * A wait is durable: the service is stopped while a run waits, started again on the same database, and
 * the run goes on with its next step at the due time — once.
 */
class WaitRestartIT {

    private final Map<String, Object> properties = new HashMap<>();

    @Test
    void aWaitingRunResumesAfterTheServiceRestarts() {
        Infrastructure infrastructure = Infrastructure.get();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.datasource.url", infrastructure.createDatabase("WaitRestartIT"));
        properties.put("spring.datasource.username", infrastructure.postgres().username());
        properties.put("spring.datasource.password", infrastructure.postgres().password());
        properties.put("server.port", "0");
        properties.put("platform.org-context.secret", "wait-restart-" + UUID.randomUUID());
        properties.put("automation.wait-poll-interval", "200ms");
        String org = Events.org("wait");
        String phone = Events.phone();

        String automationId;
        String runId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first), first.getBean(OrgContextToken.class));
            automationId = api.post(org, "/api/v1/automations", """
                    {"name": "Follow-up", "enabled": true, "trigger": {"type": "sms_received"},
                     "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "We are on it"},
                                 {"type": "wait", "duration": "PT8S"},
                                 {"type": "send_sms", "to": "{{contact.phone}}", "body": "Still there? You wrote: {{message.body}}"}]}""")
                    .text("/id");
            Events.publish(Events.sms(org, phone, "my order is late"));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                    "SELECT id FROM automation_run WHERE org_id = ? AND status = 'waiting' AND next_step = 2", org).size() == 1);
            runId = jdbc.queryForObject("SELECT id::text FROM automation_run WHERE org_id = ?", String.class, org);
            await().atMost(Duration.ofSeconds(30)).until(() -> requestsOf(org).size() == 1);
        }
        Instant stopped = Instant.now();
        assertThat(requestsOf(org)).extracting(OutboundMessageRequested::body).containsExactly("We are on it");

        try (ConfigurableApplicationContext second = start()) {
            OutboundMessageRequested followUp = Kafka.watch(Topics.OUTBOUND_REQUESTS).awaitOne(OutboundMessageRequested.class,
                    r -> r.orgId().equals(org) && r.body().startsWith("Still there?"));
            assertThat(followUp.body()).isEqualTo("Still there? You wrote: my order is late");
            assertThat(followUp.occurredAt()).isAfter(stopped);
            Api api = new Api(port(second), second.getBean(OrgContextToken.class));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get(org, "/api/v1/automations/runs/" + runId).text("/status").equals("succeeded"));
            Api.Response run = api.get(org, "/api/v1/automations/runs/" + runId);
            assertThat(run.text("/automationId")).isEqualTo(automationId);
            assertThat(run.text("/steps/1/type")).isEqualTo("wait");
            assertThat(run.text("/steps/1/status")).isEqualTo("succeeded");
            assertThat(run.text("/steps/2/status")).isEqualTo("succeeded");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> requestsOf(org).size() == 2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AutomationApplication.class).properties(properties).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static java.util.List<OutboundMessageRequested> requestsOf(String org) {
        return Kafka.watch(Topics.OUTBOUND_REQUESTS).events(OutboundMessageRequested.class, r -> r.orgId().equals(org));
    }
}
