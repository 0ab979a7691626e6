package com.crmfactory.messaging.gateway.org;

/**
 * {@code POST /admin/v1/orgs/{orgId}/numbers}: {@code channel} sms, whatsapp or email; {@code address} E.164
 * (a WhatsApp number may carry its {@code whatsapp:} prefix), or for email the address the org receives mail on
 * (SendGrid Inbound Parse); {@code type} long_code (default),
 * toll_free or short_code for SMS; an optional Twilio Messaging Service SID.
 */
public record AddNumberRequest(String channel, String address, String type, String messagingServiceSid) {
}
