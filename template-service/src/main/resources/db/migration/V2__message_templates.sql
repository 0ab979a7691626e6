-- Message templates per org. Enum columns hold the Java enum names (TemplateType, Channel,
-- ApprovalStatus from common-events); the API and the events use their lower-case wire values.
CREATE TABLE message_template (
    id                  UUID        PRIMARY KEY,
    org_id              TEXT        NOT NULL,
    template_key        TEXT        NOT NULL,
    -- NULL = usable on any channel
    channel             TEXT        CHECK (channel IN ('SMS', 'MMS', 'WHATSAPP', 'EMAIL')),
    language            TEXT        NOT NULL,
    type                TEXT        NOT NULL CHECK (type IN ('TEXT', 'MEDIA', 'QUICK_REPLY', 'LIST_PICKER')),
    body                TEXT        NOT NULL,
    variables           TEXT[]      NOT NULL DEFAULT '{}',
    media_urls          TEXT[]      NOT NULL DEFAULT '{}',
    button_label        TEXT,
    content_sid         TEXT,
    approval_status     TEXT        NOT NULL
        CHECK (approval_status IN ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED')),
    rejection_reason    TEXT,
    -- last time the approval sync looked at (or claimed) this row; NULL = due first
    approval_checked_at TIMESTAMPTZ,
    built_in            BOOLEAN     NOT NULL DEFAULT false,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL
);

-- One template per org, key, channel (NULL counts as "any", a value of its own) and language.
CREATE UNIQUE INDEX message_template_identity
    ON message_template (org_id, template_key, COALESCE(channel, ''), language);

-- The approval sync picks the rows checked longest ago among those with a Content SID.
CREATE INDEX message_template_approval_due
    ON message_template (approval_checked_at NULLS FIRST) WHERE content_sid IS NOT NULL;

-- Quick-reply buttons and list-picker items, in order.
CREATE TABLE message_template_option (
    template_id UUID    NOT NULL REFERENCES message_template (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    option_id   TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    description TEXT,
    PRIMARY KEY (template_id, position)
);

-- Orgs whose built-in templates exist. Inserted once per org (ON CONFLICT DO NOTHING), so the defaults
-- are created exactly once even when the tenant event and a first API call race, on any replica.
CREATE TABLE org_defaults (
    org_id          TEXT        PRIMARY KEY,
    materialised_at TIMESTAMPTZ NOT NULL
);
