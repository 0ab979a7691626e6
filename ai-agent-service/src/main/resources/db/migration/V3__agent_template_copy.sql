-- The agent's copy of the org's templates (templates.catalog.v1) carries what a proposal needs to name
-- the org's template exactly: its Content SID, channel, approval status and variables.
ALTER TABLE agent_template ADD COLUMN channel         TEXT;
ALTER TABLE agent_template ADD COLUMN type            TEXT;
ALTER TABLE agent_template ADD COLUMN content_sid     TEXT;
ALTER TABLE agent_template ADD COLUMN approval_status TEXT;
ALTER TABLE agent_template ADD COLUMN variables       TEXT;
ALTER TABLE agent_template ADD COLUMN occurred_at     TIMESTAMPTZ;
