-- Contacts, sessions and messages. Every table carries org_id and every query filters on it.

CREATE TABLE contact (
    id                     UUID         PRIMARY KEY,
    org_id                 VARCHAR(64)  NOT NULL,
    name                   VARCHAR(200),
    phone                  VARCHAR(32),
    whatsapp_address       VARCHAR(48),
    email                  VARCHAR(320),
    whatsapp_profile_name  VARCHAR(200),
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL
);
-- one contact per phone number / WhatsApp address / e-mail within an org
CREATE UNIQUE INDEX contact_org_phone ON contact (org_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX contact_org_whatsapp ON contact (org_id, whatsapp_address) WHERE whatsapp_address IS NOT NULL;
CREATE UNIQUE INDEX contact_org_email ON contact (org_id, email) WHERE email IS NOT NULL; -- stored lower-case
CREATE INDEX contact_org_created ON contact (org_id, created_at DESC, id);

CREATE TABLE session (
    id                        UUID          PRIMARY KEY,
    org_id                    VARCHAR(64)   NOT NULL,
    contact_id                UUID          NOT NULL REFERENCES contact (id),
    channel                   VARCHAR(16)   NOT NULL,
    customer_address          VARCHAR(320)  NOT NULL,
    business_address          VARCHAR(320),
    status                    VARCHAR(16)   NOT NULL,
    intent                    VARCHAR(100),
    intent_confidence         DOUBLE PRECISION,
    summary                   TEXT,
    order_context             TEXT,
    queue                     VARCHAR(100),
    escalation_reason         VARCHAR(200),
    assignee                  VARCHAR(200),
    escalated                 BOOLEAN       NOT NULL DEFAULT FALSE,
    message_count             BIGINT        NOT NULL DEFAULT 0,
    last_message_at           TIMESTAMPTZ,
    last_message_preview      VARCHAR(200),
    last_customer_message_at  TIMESTAMPTZ   NOT NULL,
    first_response_at         TIMESTAMPTZ,
    expires_at                TIMESTAMPTZ   NOT NULL,
    opened_at                 TIMESTAMPTZ   NOT NULL,
    escalated_at              TIMESTAMPTZ,
    assigned_at               TIMESTAMPTZ,
    closed_at                 TIMESTAMPTZ,
    closed_by                 VARCHAR(200),
    updated_at                TIMESTAMPTZ   NOT NULL,
    CONSTRAINT session_status_known CHECK (status IN ('ACTIVE', 'WAITING_REPLY', 'NEEDS_HUMAN', 'COMPLETED', 'EXPIRED'))
);
-- at most one open session per (org, channel, customer address)
CREATE UNIQUE INDEX session_one_open ON session (org_id, channel, customer_address)
    WHERE status IN ('ACTIVE', 'WAITING_REPLY', 'NEEDS_HUMAN');
-- the expiry scheduler's scan
CREATE INDEX session_open_expiry ON session (expires_at) WHERE status IN ('ACTIVE', 'WAITING_REPLY', 'NEEDS_HUMAN');
CREATE INDEX session_org_recent ON session (org_id, last_message_at DESC, id);
CREATE INDEX session_org_contact ON session (org_id, contact_id, opened_at DESC);
CREATE INDEX session_org_opened ON session (org_id, opened_at);

CREATE TABLE message (
    id                   UUID          PRIMARY KEY,
    org_id               VARCHAR(64)   NOT NULL,
    session_id           UUID          NOT NULL REFERENCES session (id),
    sequence             BIGINT        NOT NULL,
    author               VARCHAR(16)   NOT NULL,
    author_id            VARCHAR(200),
    channel              VARCHAR(16)   NOT NULL,
    trigger_channel      VARCHAR(16),
    from_address         VARCHAR(320),
    to_address           VARCHAR(320),
    body                 TEXT,
    content              TEXT,
    provider_message_id  VARCHAR(64),
    request_id           VARCHAR(200),
    delivery_status      VARCHAR(16),
    error_code           VARCHAR(32),
    error_message        VARCHAR(500),
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    CONSTRAINT message_sequence_per_session UNIQUE (session_id, sequence)
);
-- a provider message (Twilio MessageSid) is stored once per org: retries and concurrent copies collapse
CREATE UNIQUE INDEX message_org_provider_id ON message (org_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
-- an outbound request is recorded once per org
CREATE UNIQUE INDEX message_org_request_id ON message (org_id, request_id) WHERE request_id IS NOT NULL;
