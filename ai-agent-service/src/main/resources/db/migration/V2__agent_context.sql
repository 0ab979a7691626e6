-- The agent's own copy of each session (event-carried state from conversation.events.v1) and its
-- dialogue state, so a restart loses nothing.
CREATE TABLE agent_session (
    session_id        TEXT        PRIMARY KEY,
    org_id            TEXT        NOT NULL,
    contact_id        TEXT        NOT NULL,
    channel           TEXT        NOT NULL,
    customer_address  TEXT        NOT NULL,
    business_address  TEXT,
    contact_name      TEXT,
    -- ai: the agent answers; human: assigned/escalated, the agent stays silent; closed
    handler           TEXT        NOT NULL DEFAULT 'ai',
    greeted           BOOLEAN     NOT NULL DEFAULT FALSE,
    not_understood    INT         NOT NULL DEFAULT 0,
    last_intent       TEXT,
    last_confidence   DOUBLE PRECISION,
    -- what the agent asked and waits for (e.g. a part choice for a price question), as JSON
    pending           TEXT,
    draft             TEXT,
    last_answered_seq BIGINT      NOT NULL DEFAULT 0,
    -- set when customer messages wait for an answer; the turn runs once due (debounce)
    due_at            TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX agent_session_due ON agent_session (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE agent_message (
    message_id      TEXT        PRIMARY KEY,
    session_id      TEXT        NOT NULL REFERENCES agent_session (session_id) ON DELETE CASCADE,
    sequence        BIGINT      NOT NULL,
    author          TEXT        NOT NULL,
    body            TEXT,
    reply_id        TEXT,
    media_urls      TEXT,
    -- what the agent read from attached images (barcodes, description), shown to humans via insights
    analysis        TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_message_session ON agent_message (session_id, sequence);

-- the org's templates (templates.catalog.v1): wording for lists and the welcome menu's buttons
CREATE TABLE agent_template (
    template_id  TEXT        PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    language     TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    button_label TEXT,
    deleted      BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX agent_template_key ON agent_template (org_id, key);
