package com.crmfactory.messaging.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes each row with the {@code traceparent} stored when the row was written (the writer's
 * span), not one of the relay thread: its template has no observation, so the record has exactly that header.
 */
class OutboxRowTest {

    @Test
    void theRecordCarriesTheRowsOwnTraceparentOnce() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        OutboxRow row = new OutboxRow(1, UUID.randomUUID(), "conversation.events.v1", "conv-1", "CustomerMessageRecorded",
                "org-1", "{}", traceparent, Instant.parse("2026-01-01T00:00:00Z"));

        ProducerRecord<String, String> record = row.toRecord("conversation-service");

        assertThat(record.headers().headers("traceparent")).extracting(Header::value)
                .containsExactly(traceparent.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRowWrittenOutsideAnyTraceHasNoTraceparent() {
        OutboxRow row = new OutboxRow(1, UUID.randomUUID(), "conversation.events.v1", "conv-1", "CustomerMessageRecorded",
                "org-1", "{}", null, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(row.toRecord("conversation-service").headers().lastHeader("traceparent")).isNull();
    }
}
