-- ai-agent-service: its own schema starts here; feature tables arrive in V2 onwards.
-- The outbox and processed-event tables are migrated by service-support (flyway_service_support_history).
CREATE TABLE service_info (
    name        TEXT        PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO service_info (name) VALUES ('ai-agent-service');
