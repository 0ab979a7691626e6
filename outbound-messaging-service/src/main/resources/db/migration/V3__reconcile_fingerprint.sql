-- What was POSTed, so an ambiguous send can be matched against Twilio's list provably (Reconciler):
-- the Body sent (null for a ContentSid send), the ContentSid, and the texts Twilio may show as the
-- Message's body for a Content send (rendered template body / interactive body; JSON array), plus the
-- largest number of unowned candidates one check could not tell apart.
ALTER TABLE outbound_message ADD COLUMN sent_body TEXT;
ALTER TABLE outbound_message ADD COLUMN content_sid TEXT;
ALTER TABLE outbound_message ADD COLUMN expected_bodies TEXT;
ALTER TABLE outbound_message ADD COLUMN candidates_seen INT NOT NULL DEFAULT 0;
