-- Issue 10, voice: our copy of the org settings conversation needs from platform.tenants.v1 (the gateway's,
-- compacted): whether replies to a voice session go to the caller by SMS. Newest state wins (version_at = the
-- event's occurredAt), so a redelivered or older record changes nothing.
CREATE TABLE tenant_settings (
    org_id             VARCHAR(64)   PRIMARY KEY,
    voice_sms_replies  BOOLEAN       NOT NULL,
    version_at         TIMESTAMPTZ   NOT NULL
);
