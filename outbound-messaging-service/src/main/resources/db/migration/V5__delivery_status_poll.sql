-- The delivery status poll (delivery/DeliveryStatusPoller): Twilio calls each status back once, so a callback
-- refused while webhook-ingest-service or Kafka was down is lost; an accepted Twilio send whose status is not
-- settled is asked about (GET Messages/{Sid}.json) once it has been quiet for a while.
--   accepted_at      when the send was accepted (polling ends max-age after it)
--   status_check_at  when to ask Twilio next; NULL = nothing to ask (not accepted yet, e-mail, settled, or given up)
--   status_checks    checks since the last status change (the back-off's exponent)
ALTER TABLE outbound_message ADD COLUMN accepted_at TIMESTAMPTZ;
ALTER TABLE outbound_message ADD COLUMN status_check_at TIMESTAMPTZ;
ALTER TABLE outbound_message ADD COLUMN status_checks INT NOT NULL DEFAULT 0;

-- Only the rows still to be asked about are indexed: the due query stays cheap next to millions of settled rows.
CREATE INDEX outbound_message_status_poll ON outbound_message (status_check_at) WHERE status_check_at IS NOT NULL;

-- Sends accepted in the last 72 h (the default max-age) and still unsettled are asked about from now on.
UPDATE outbound_message SET accepted_at = updated_at, status_check_at = now()
WHERE state = 'accepted' AND provider_sid IS NOT NULL AND channel IN ('sms', 'mms', 'whatsapp')
  AND (delivery_status IS NULL OR delivery_status NOT IN ('delivered', 'read', 'failed', 'undelivered'))
  AND updated_at > now() - interval '72 hours';
