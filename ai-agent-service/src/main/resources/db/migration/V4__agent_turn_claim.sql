-- A turn runs in two short transactions around the dialogue (which may call an LLM for up to its hard stop,
-- outside any transaction). The claim keeps a second turn of the same session from starting meanwhile; it
-- expires on its own should the replica running the turn die.
ALTER TABLE agent_session ADD COLUMN turn_claim         TEXT;
ALTER TABLE agent_session ADD COLUMN turn_claimed_until TIMESTAMPTZ;
