-- Internal notes in a session's thread (an automation's add_note): for the people in the inbox only,
-- never sent to the customer. One per command id, so a repeated command adds no second note.
CREATE TABLE session_note (
    id          UUID        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    session_id  UUID        NOT NULL,
    command_id  TEXT        NOT NULL,
    author      TEXT        NOT NULL,
    author_id   TEXT,
    text        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT session_note_command UNIQUE (org_id, command_id)
);
CREATE INDEX session_note_session ON session_note (org_id, session_id, created_at);
