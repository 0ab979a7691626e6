package com.crmfactory.messaging.events;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding (binary content mode) plus the
 * platform's own {@code org_id} and W3C {@code traceparent}. The value of each record is the bare
 * event JSON; everything about the envelope travels here.
 */
public final class CloudEventHeaders {

    /** Always {@link #SPEC_VERSION}. */
    public static final String SPECVERSION = "ce_specversion";
    /** UUID of this event; consumers dedupe on it (the idempotency key). */
    public static final String ID = "ce_id";
    /** {@link EventType#type()}, e.g. {@code com.crmfactory.messaging.inbound.message-received.v1}. */
    public static final String TYPE = "ce_type";
    /** Name of the producing service, e.g. {@code webhook-ingest-service}. */
    public static final String SOURCE = "ce_source";
    /** When the event happened, RFC 3339. */
    public static final String TIME = "ce_time";
    /** The conversation key (or the record key on non-conversation topics). */
    public static final String SUBJECT = "ce_subject";
    /** The binding maps datacontenttype to the plain Kafka content-type header. */
    public static final String CONTENT_TYPE = "content-type";
    /** The tenant; lets consumers route or reject without parsing the value. */
    public static final String ORG_ID = "org_id";
    /** W3C trace context, so a trace follows a message across services. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
