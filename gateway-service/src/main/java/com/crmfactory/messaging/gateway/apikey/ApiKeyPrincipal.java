package com.crmfactory.messaging.gateway.apikey;

import java.util.UUID;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.gateway.ratelimit.RateLimit;

/**
 * Who an authenticated API key acts for: its org (and that org's status), and the key's own rate
 * limit if it has one (null: the gateway default).
 */
public record ApiKeyPrincipal(UUID keyId, String orgId, TenantStatus orgStatus, RateLimit rateLimit) {
}
