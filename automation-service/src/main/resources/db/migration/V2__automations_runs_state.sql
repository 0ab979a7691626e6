-- Automations: the current state of each definition; every saved definition is kept as a version.
CREATE TABLE automation (
    id           UUID        PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    enabled      BOOLEAN     NOT NULL,
    version      INT         NOT NULL,
    trigger_type TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX automation_org ON automation (org_id, created_at) WHERE deleted_at IS NULL;

CREATE TABLE automation_version (
    automation_id UUID        NOT NULL REFERENCES automation (id),
    version       INT         NOT NULL,
    definition    JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (automation_id, version)
);

-- One run per (trigger event, automation): a redelivered or replayed event starts no second run.
CREATE TABLE automation_run (
    id                 UUID        PRIMARY KEY,
    org_id             TEXT        NOT NULL,
    automation_id      UUID        NOT NULL REFERENCES automation (id),
    automation_version INT         NOT NULL,
    trigger_event_id   TEXT        NOT NULL,
    trigger_type       TEXT        NOT NULL,
    trigger_event      JSONB       NOT NULL,
    depth              INT         NOT NULL,
    status             TEXT        NOT NULL,
    next_step          INT         NOT NULL,
    due_at             TIMESTAMPTZ,
    error              TEXT,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    CONSTRAINT automation_run_once UNIQUE (trigger_event_id, automation_id)
);
CREATE INDEX automation_run_due ON automation_run (due_at) WHERE status = 'waiting';
CREATE INDEX automation_run_list ON automation_run (org_id, automation_id, started_at DESC);

CREATE TABLE automation_run_step (
    run_id      UUID        NOT NULL REFERENCES automation_run (id),
    step_index  INT         NOT NULL,
    action_type TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    input       JSONB,
    output      JSONB,
    error       TEXT,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    PRIMARY KEY (run_id, step_index)
);

-- What the engine knows about customers and sessions, from the events it consumes (for variables,
-- conditions and the "originating"/last channel of a customer).
CREATE TABLE customer_state (
    org_id          TEXT        NOT NULL,
    customer        TEXT        NOT NULL,
    name            TEXT,
    phone           TEXT,
    email           TEXT,
    last_channel    TEXT,
    last_address    TEXT,
    last_session_id TEXT,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, customer)
);

CREATE TABLE session_state (
    org_id           TEXT        NOT NULL,
    session_id       TEXT        NOT NULL,
    channel          TEXT,
    customer_address TEXT,
    contact_name     TEXT,
    intent           TEXT,
    status           TEXT,
    automation_depth INT         NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, session_id)
);

-- The per-org key that signs http_request actions (X-Signature), generated on first use.
CREATE TABLE signing_secret (
    org_id     TEXT        PRIMARY KEY,
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
