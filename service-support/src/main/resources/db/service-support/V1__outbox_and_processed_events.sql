-- Shared plumbing tables, migrated by service-support with its own history table
-- (flyway_service_support_history) so a service's own V1, V2, ... never collide with these.

-- Transactional outbox: written in the caller's transaction, published by OutboxRelay in id order.
CREATE TABLE outbox_event (
    id           BIGSERIAL    PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        TEXT         NOT NULL,
    message_key  TEXT         NOT NULL,
    event_type   TEXT         NOT NULL,
    org_id       TEXT,
    payload      TEXT         NOT NULL,
    traceparent  TEXT,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Idempotent consumers: one row per (consumer, ce_id), inserted in the consumer's transaction.
CREATE TABLE processed_event (
    consumer      TEXT         NOT NULL,
    event_id      TEXT         NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
