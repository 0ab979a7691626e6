package com.crmfactory.messaging.gateway.org;

/** Published (in-process) when an org's name, status or settings changed; caches of it listen after commit. */
public record OrgChanged(String orgId) {
}
