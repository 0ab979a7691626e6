package com.crmfactory.messaging.conversation.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.testing.Kafka;

/** Templates as template-service publishes them on templates.catalog.v1, awaited in the service's copy. */
public final class Templates {

    private final JdbcTemplate jdbc;

    public Templates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Publishes a text template and waits until the copy holds it. */
    public TemplateUpserted publish(String org, String key, Channel channel, String body, List<String> variables,
            String contentSid, ApprovalStatus approval) {
        TemplateUpserted template = new TemplateUpserted(org, UUID.randomUUID().toString(), key, channel, "en",
                TemplateType.TEXT, body, variables, contentSid, approval, null, List.of(), List.of(), false, Instant.now());
        return publish(template);
    }

    public TemplateUpserted publish(TemplateUpserted template) {
        Kafka.send(Topics.TEMPLATES_CATALOG, template.templateId(), template);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM template_copy WHERE template_id = ?", Integer.class, template.templateId()) == 1);
        return template;
    }
}
