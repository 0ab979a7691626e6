-- The sweep of requests left pending (OutboundMessageRepository.pendingOlderThan) scanned the whole table on every
-- run: 3.7 ms at 3,800 rows, growing with every message ever sent. Only pending rows are indexed, so it stays cheap.
CREATE INDEX outbound_message_pending ON outbound_message (created_at) WHERE state = 'pending';
