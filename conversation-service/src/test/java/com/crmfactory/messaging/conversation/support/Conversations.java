package com.crmfactory.messaging.conversation.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.events.inbound.MessageReceived;

/** Waits for what the service records from the topics, straight from its database. */
public final class Conversations {

    private final JdbcTemplate jdbc;

    public Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Publishes a customer message and returns the id of the session it was recorded in. */
    public String receive(MessageReceived received) {
        Fixtures.publish(received);
        return awaitRecorded(received);
    }

    public String awaitRecorded(MessageReceived received) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM message WHERE org_id = ? AND provider_message_id = ?", Integer.class,
                received.orgId(), received.providerMessageId()) == 1);
        return jdbc.queryForObject("SELECT session_id FROM message WHERE org_id = ? AND provider_message_id = ?",
                UUID.class, received.orgId(), received.providerMessageId()).toString();
    }

    public String contactOf(String sessionId) {
        return jdbc.queryForObject("SELECT contact_id FROM session WHERE id = ?", UUID.class, UUID.fromString(sessionId))
                .toString();
    }

    public String statusOf(String sessionId) {
        return jdbc.queryForObject("SELECT status FROM session WHERE id = ?", String.class, UUID.fromString(sessionId));
    }

    public long messageCount(String sessionId) {
        return jdbc.queryForObject("SELECT count(*) FROM message WHERE session_id = ?", Long.class,
                UUID.fromString(sessionId));
    }

    /** The delivery status column of the outbound message with this request id (null until accepted). */
    public String deliveryStatus(String orgId, String requestId) {
        return jdbc.queryForObject("SELECT delivery_status FROM message WHERE org_id = ? AND request_id = ?",
                String.class, orgId, requestId);
    }

    /** Waits until a consumer of this service handled (or deliberately skipped) the event with this ce_id. */
    public void awaitProcessed(String consumer, String ceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", Integer.class, consumer,
                ceId) == 1);
    }

    public long messagesWithRequestId(String orgId, String requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM message WHERE org_id = ? AND request_id = ?", Long.class, orgId,
                requestId);
    }
}
