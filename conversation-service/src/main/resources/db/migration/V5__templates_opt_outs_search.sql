-- Issue 10, what an agent can send.

-- A conversation the business starts has no customer message yet: its WhatsApp window is closed until the customer writes.
ALTER TABLE session ALTER COLUMN last_customer_message_at DROP NOT NULL;

-- Our copy of templates.catalog.v1 (template-service owns the templates): validates and renders template replies
-- and names the templates allowed outside the WhatsApp window. Newest state wins (version_at = the event's
-- occurredAt); a deletion stays as a tombstone so a late, older upsert cannot bring the template back.
CREATE TABLE template_copy (
    template_id      VARCHAR(64)   PRIMARY KEY,
    org_id           VARCHAR(64)   NOT NULL,
    template_key     VARCHAR(64),
    channel          VARCHAR(16),
    language         VARCHAR(16),
    template_type    VARCHAR(32),
    body             TEXT,
    variables        TEXT,
    content_sid      VARCHAR(64),
    approval_status  VARCHAR(16),
    button_label     VARCHAR(64),
    options          TEXT,
    media_urls       TEXT,
    deleted          BOOLEAN       NOT NULL DEFAULT FALSE,
    version_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX template_copy_org_key ON template_copy (org_id, template_key) WHERE NOT deleted;
CREATE INDEX template_copy_org_content_sid ON template_copy (org_id, content_sid) WHERE NOT deleted;

-- Our copy of the customers' opt-out state (outbound-messaging-service owns it: CustomerOptOutChanged on
-- messaging.outbound.results.v1), per org, conversation channel and customer address; newest change wins.
CREATE TABLE customer_opt_out (
    org_id      VARCHAR(64)   NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    address     VARCHAR(320)  NOT NULL,
    opted_out   BOOLEAN       NOT NULL,
    source      VARCHAR(64),
    changed_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (org_id, channel, address)
);

-- GET /api/v1/conversations?q=: words in message bodies (full-text, 'simple' configuration: no stemming, any language).
CREATE INDEX message_body_search ON message USING gin (to_tsvector('simple', coalesce(body, '')));

-- E-mail sessions: the customer's last e-mail (subject, Message-ID, References), so replies thread in their mail client.
CREATE TABLE email_thread (
    session_id         UUID          PRIMARY KEY REFERENCES session (id),
    subject            VARCHAR(998),
    last_message_id    VARCHAR(998)  NOT NULL,
    message_references TEXT,
    last_message_at    TIMESTAMPTZ   NOT NULL
);
