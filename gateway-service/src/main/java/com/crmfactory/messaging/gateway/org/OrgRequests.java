package com.crmfactory.messaging.gateway.org;

/** Bodies of the admin API's org endpoints. */
public final class OrgRequests {

    private OrgRequests() {
    }

    /** {@code POST /admin/v1/orgs}; without an id, a UUID is chosen. */
    public record Create(String id, String name, String helpText, String defaultLanguage, String timeZone) {
    }

    /**
     * {@code PATCH /admin/v1/orgs/{id}}: absent fields stay as they are, "" clears a setting.
     *
     * @param voiceGreeting           what callers hear before the voicemail beep
     * @param voiceSmsReplies         whether replies to a voice session go to the caller by SMS (default true)
     * @param emailSignaturePublicKey the base64 public key of the org's SendGrid signed-webhook policy
     */
    public record Update(String name, String status, String helpText, String defaultLanguage, String timeZone,
            String voiceGreeting, Boolean voiceSmsReplies, String emailSignaturePublicKey) {

        public Update(String name, String status, String helpText, String defaultLanguage, String timeZone) {
            this(name, status, helpText, defaultLanguage, timeZone, null, null, null);
        }
    }

    /** The answer to issuing an org's inbound e-mail token: shown this once. */
    public record EmailToken(String token, String webhookPath) {
    }
}
