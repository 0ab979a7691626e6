-- Orgs (tenants), their API keys and their sender numbers. Every change to an org or its numbers
-- publishes the org's full state (TenantUpserted) on platform.tenants.v1 through the outbox.

CREATE TABLE org (
    id                TEXT         PRIMARY KEY,          -- letters, digits, '-' and '_' (OrgContextToken's rule)
    name              TEXT         NOT NULL,
    status            TEXT         NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    help_text         TEXT,
    default_language  TEXT,
    time_zone         TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Keys are shown once and stored only as a SHA-256 hash of the whole key; key_prefix (the first
-- characters) only helps people recognise a key in listings. Lookups go by hash.
CREATE TABLE api_key (
    id                     UUID         PRIMARY KEY,
    org_id                 TEXT         NOT NULL REFERENCES org (id),
    name                   TEXT,
    key_prefix             TEXT         NOT NULL,
    key_hash               TEXT         NOT NULL UNIQUE,
    requests_per_second    INTEGER      CHECK (requests_per_second > 0),   -- null: the gateway's default
    burst                  INTEGER      CHECK (burst > 0),
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at             TIMESTAMPTZ
);
CREATE INDEX api_key_org ON api_key (org_id);

-- A sender address belongs to at most one org: inbound routing finds the org by the To number.
CREATE TABLE sender_number (
    id                     UUID         PRIMARY KEY,
    org_id                 TEXT         NOT NULL REFERENCES org (id),
    channel                TEXT         NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
    address                TEXT         NOT NULL UNIQUE,  -- as Twilio writes it: +15555550100, whatsapp:+15555550100
    type                   TEXT         NOT NULL,
    messaging_service_sid  TEXT,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sender_number_org ON sender_number (org_id);
