-- Creating a template's Content resource in Twilio (and submitting it for WhatsApp approval): one row per
-- template that needs or needed it. Replicas claim due rows with FOR UPDATE SKIP LOCKED (like the approval
-- sync); the Twilio calls run outside any transaction, so a claim leases the row until next_attempt_at.
CREATE TABLE content_provisioning (
    template_id     UUID        PRIMARY KEY REFERENCES message_template (id) ON DELETE CASCADE,
    org_id          TEXT        NOT NULL,
    -- CREATE: the Content resource is to be created; SUBMIT: its SID is stored, the WhatsApp approval request
    -- is to be sent; DONE; FAILED: Twilio refused it for good (last_error), only POST …/provision retries;
    -- SUPERSEDED: the template got a Content SID otherwise (TWILIO_TPL_*, the org's own) before ours was stored
    state           TEXT        NOT NULL CHECK (state IN ('CREATE', 'SUBMIT', 'DONE', 'FAILED', 'SUPERSEDED')),
    -- unique in the platform's Twilio account: how a retry finds a Content resource whose creation it never
    -- heard back from; also the WhatsApp template name. A new generation (re-provisioning) gets a new name.
    friendly_name   TEXT        NOT NULL UNIQUE,
    generation      INTEGER     NOT NULL DEFAULT 1,
    -- attempts of the current generation; above 1 a previous attempt may have reached Twilio
    attempts        INTEGER     NOT NULL DEFAULT 0,
    -- due from then on: after a back-off, or when a claim's lease runs out (a crashed worker)
    next_attempt_at TIMESTAMPTZ NOT NULL,
    -- set while a worker holds the row; its writes count only if the token is still theirs
    claim_token     UUID,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX content_provisioning_due ON content_provisioning (next_attempt_at) WHERE state IN ('CREATE', 'SUBMIT');

-- Built-ins created before provisioning existed, without a Content SID, are provisioned too (a TWILIO_TPL_*
-- override set at start-up supersedes them before the first attempt).
INSERT INTO content_provisioning (template_id, org_id, state, friendly_name, next_attempt_at)
SELECT id, org_id, 'CREATE', template_key || '_' || substr(replace(id::text, '-', ''), 1, 16), now()
FROM message_template WHERE built_in AND content_sid IS NULL AND (channel IS NULL OR channel = 'WHATSAPP');
