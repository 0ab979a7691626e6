-- Every inbound message looks up the customer's open session by address (StateRepository.openSession); with only
-- the primary key that read all of the org's sessions (1.4 ms at 3,800 of them, growing with each new customer).
CREATE INDEX session_state_by_customer ON session_state (org_id, channel, customer_address, updated_at DESC);
