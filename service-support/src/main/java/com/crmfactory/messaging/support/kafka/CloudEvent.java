package com.crmfactory.messaging.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.crmfactory.messaging.events.CloudEventHeaders;

/**
 * The CloudEvents (Kafka binary mode) attributes of one record: everything but the JSON payload,
 * which travels as the record value.
 */
public record CloudEvent(String id, String type, String source, Instant time, String subject, String orgId,
        String traceparent) {

    /** Builds the record to send: key = subject (the ordering key), value = the JSON payload. */
    public ProducerRecord<String, String> toRecord(String topic, String payload) {
        List<Header> headers = new ArrayList<>();
        add(headers, CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TIME, time.toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, CloudEventHeaders.SUBJECT, subject);
        add(headers, CloudEventHeaders.ORG_ID, orgId);
        add(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        return new ProducerRecord<>(topic, null, subject, payload, headers);
    }

    /** Reads the attributes back from a consumed record; empty when it carries no CloudEvents id or type. */
    public static Optional<CloudEvent> from(Headers headers) {
        String id = text(headers, CloudEventHeaders.ID);
        String type = text(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            return Optional.empty();
        }
        String time = text(headers, CloudEventHeaders.TIME);
        return Optional.of(new CloudEvent(id, type, text(headers, CloudEventHeaders.SOURCE),
                time == null ? null : Instant.parse(time), text(headers, CloudEventHeaders.SUBJECT),
                text(headers, CloudEventHeaders.ORG_ID), text(headers, CloudEventHeaders.TRACEPARENT)));
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
