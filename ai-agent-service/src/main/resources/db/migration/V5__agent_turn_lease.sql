-- The turn's claim is a short lease renewed by a heartbeat while the turn runs (issue 15): a replica that dies
-- mid-turn stops renewing it, and every replica's sweep looks for lapsed leases to take the turn over.
CREATE INDEX agent_session_lease ON agent_session (turn_claimed_until) WHERE turn_claim IS NOT NULL;
