-- The per-sender rate limit, shared by every replica: the next free send slot of each sender number.
-- A sender's row is its queue head; the row lock orders the replicas' reservations (SenderSlots).
CREATE TABLE sender_slot (
    sender    TEXT PRIMARY KEY,
    next_free TIMESTAMPTZ NOT NULL
);
