-- Voice and e-mail (issue 10): per-org voice greeting and whether voice sessions are answered by SMS; the
-- inbound e-mail webhook's token (only its SHA-256, like API keys; the token is shown once) and the public key
-- of the org's SendGrid signed-webhook policy; e-mail addresses join the sender numbers (no sender type).

ALTER TABLE org ADD COLUMN voice_greeting TEXT;
ALTER TABLE org ADD COLUMN voice_sms_replies BOOLEAN;
ALTER TABLE org ADD COLUMN email_inbound_token_hash TEXT;
ALTER TABLE org ADD COLUMN email_signature_public_key TEXT;

ALTER TABLE sender_number DROP CONSTRAINT sender_number_channel_check;
ALTER TABLE sender_number ADD CONSTRAINT sender_number_channel_check CHECK (channel IN ('sms', 'whatsapp', 'email'));
ALTER TABLE sender_number ALTER COLUMN type DROP NOT NULL;  -- e-mail addresses have no SMS/WhatsApp sender type
