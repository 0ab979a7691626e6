package com.crmfactory.messaging.outbound.twilio;

import java.util.Map;

/** Readable reasons for Twilio error codes, and our failure code for each. */
public final class ProviderErrors {

    public static final String OPTED_OUT = "21610";

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("63016", "WhatsApp window closed: use an approved template"),
            Map.entry("21610", "The recipient opted out (replied STOP)"),
            Map.entry("30003", "Unreachable handset: the phone is off or out of coverage"),
            Map.entry("30004", "Message blocked by the recipient or carrier"),
            Map.entry("30005", "Unknown destination: the number does not exist"),
            Map.entry("30006", "Landline or unreachable carrier"),
            Map.entry("30007", "Filtered by the carrier as spam"),
            Map.entry("30008", "Delivery failed for an unknown reason"),
            Map.entry("30001", "Sender queue overflow: too many messages queued"),
            Map.entry("30036", "Validity period expired before sending"),
            Map.entry("21211", "Invalid 'To' phone number"),
            Map.entry("21614", "'To' is not a mobile number"),
            Map.entry("21408", "Sending to this region is not enabled"),
            Map.entry("21656", "Invalid template variables"),
            Map.entry("63018", "WhatsApp rate limit exceeded"),
            Map.entry("63014", "Blocked by the WhatsApp user"),
            Map.entry("63049", "Meta did not deliver this marketing template"));

    private ProviderErrors() {
    }

    public static String reason(String code, String fallback) {
        if (code == null) {
            return fallback == null ? "Delivery failed" : fallback;
        }
        String known = REASONS.get(code);
        return known != null ? known : (fallback == null || fallback.isBlank() ? "Twilio error " + code : fallback);
    }

    /** Our machine-readable failure code for a provider refusal. */
    public static String failureCode(String code) {
        if (code == null) {
            return "provider_error";
        }
        return switch (code) {
            case "21610" -> "opted_out";
            case "63016" -> "template_required";
            case "21211", "21614", "30005", "30006" -> "invalid_recipient";
            default -> "provider_error";
        };
    }
}
