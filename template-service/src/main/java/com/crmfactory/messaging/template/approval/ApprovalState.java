package com.crmfactory.messaging.template.approval;

import java.util.Locale;
import java.util.Map;

import com.crmfactory.messaging.events.common.ApprovalStatus;

/**
 * What Twilio's Content API says about a Content resource's WhatsApp approval
 * ({@code GET /v1/Content/{Sid}/ApprovalRequests}, object {@code whatsapp}).
 *
 * @param twilioStatus Twilio's own word, e.g. {@code received}, kept for logs
 */
public record ApprovalState(ApprovalStatus status, String rejectionReason, String twilioStatus) {

    /**
     * Maps the {@code whatsapp} object: {@code unsubmitted} (or no object: never submitted) is our
     * draft, {@code received} and {@code pending} are pending (docs/twilio.md#template-approval); a status this version
     * does not know counts as pending, the safe reading (not sendable outside the window).
     */
    public static ApprovalState fromWhatsapp(Object whatsapp) {
        if (!(whatsapp instanceof Map<?, ?> fields) || fields.get("status") == null) {
            return new ApprovalState(ApprovalStatus.DRAFT, null, null);
        }
        String twilio = String.valueOf(fields.get("status")).toLowerCase(Locale.ROOT);
        ApprovalStatus status = switch (twilio) {
            case "unsubmitted" -> ApprovalStatus.DRAFT;
            case "approved" -> ApprovalStatus.APPROVED;
            case "rejected" -> ApprovalStatus.REJECTED;
            case "paused" -> ApprovalStatus.PAUSED;
            case "disabled" -> ApprovalStatus.DISABLED;
            default -> ApprovalStatus.PENDING;
        };
        Object reason = fields.get("rejection_reason");
        String rejection = status == ApprovalStatus.REJECTED && reason != null && !String.valueOf(reason).isBlank()
                ? String.valueOf(reason) : null;
        return new ApprovalState(status, rejection, twilio);
    }
}
