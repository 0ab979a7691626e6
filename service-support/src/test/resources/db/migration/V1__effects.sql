-- The test consumer's "effect": one row per event it handled.
CREATE TABLE effect (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT      NOT NULL,
    message_key  TEXT      NOT NULL,
    sequence     INT       NOT NULL
);
