-- One row per outbound request id: the at-most-once send state machine
-- pending -> sending -> accepted | failed | unknown (ambiguous, reconciled before any resend).
CREATE TABLE outbound_message (
    request_id         TEXT        PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    session_id         TEXT,
    conversation_key   TEXT        NOT NULL,
    channel            TEXT,
    to_address         TEXT        NOT NULL,
    from_address       TEXT,
    body               TEXT,
    state              TEXT        NOT NULL,
    provider_sid       TEXT        UNIQUE,
    delivery_status    TEXT,
    error_code         TEXT,
    error_message      TEXT,
    attempts           INT         NOT NULL DEFAULT 0,
    attempt_started_at TIMESTAMPTZ,
    reconcile_checks   INT         NOT NULL DEFAULT 0,
    next_check_at      TIMESTAMPTZ,
    request_json       TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT outbound_message_state CHECK (state IN ('pending', 'sending', 'accepted', 'failed', 'unknown'))
);
CREATE INDEX outbound_message_open ON outbound_message (state, next_check_at) WHERE state IN ('unknown', 'sending');

-- last inbound message per customer: the session window (WhatsApp 24 h)
CREATE TABLE customer_window (
    org_id          TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    address         TEXT        NOT NULL,
    last_inbound_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, channel, address)
);

-- opted-out recipients per org and channel
CREATE TABLE opt_out (
    org_id        TEXT        NOT NULL,
    channel       TEXT        NOT NULL,
    address       TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    opted_out_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, channel, address)
);

-- copy of platform.tenants.v1: sender numbers and help text
CREATE TABLE tenant_sender (
    org_id                TEXT NOT NULL,
    channel               TEXT NOT NULL,
    address               TEXT NOT NULL,
    sender_type           TEXT,
    messaging_service_sid TEXT,
    PRIMARY KEY (org_id, channel, address)
);
CREATE TABLE tenant_settings (
    org_id     TEXT        PRIMARY KEY,
    help_text  TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- copy of templates.catalog.v1
CREATE TABLE template_copy (
    template_id     TEXT        PRIMARY KEY,
    org_id          TEXT        NOT NULL,
    template_key    TEXT        NOT NULL,
    channel         TEXT,
    language        TEXT        NOT NULL,
    template_type   TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    content_sid     TEXT,
    approval_status TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX template_copy_key ON template_copy (org_id, template_key);

-- Content resources created for interactive messages (quick replies, list pickers), by content hash
CREATE TABLE interactive_content (
    content_hash TEXT        PRIMARY KEY,
    content_sid  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
