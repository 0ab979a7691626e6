package com.crmfactory.messaging.gateway.apikey;

import java.util.UUID;

/** Published (in-process) when a key is revoked; the authentication cache drops it after commit. */
public record ApiKeyRevoked(UUID keyId) {
}
