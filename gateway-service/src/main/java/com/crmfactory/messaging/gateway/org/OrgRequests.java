package com.crmfactory.messaging.gateway.org;

/** Bodies of the admin API's org endpoints. */
public final class OrgRequests {

    private OrgRequests() {
    }

    /** {@code POST /admin/v1/orgs}; without an id, a UUID is chosen. */
    public record Create(String id, String name, String helpText, String defaultLanguage, String timeZone) {
    }

    /** {@code PATCH /admin/v1/orgs/{id}}: absent fields stay as they are, "" clears a setting. */
    public record Update(String name, String status, String helpText, String defaultLanguage, String timeZone) {
    }
}
