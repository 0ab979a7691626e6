package com.crmfactory.messaging.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class OrgHeadersTest {

    @Test
    void stripsEveryOrgOrTenantHeaderWhateverItsCase() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Org-Context", "forged");
        headers.add("x-org-id", "org-a");
        headers.add("X-TENANT-ID", "org-a");
        headers.add("Accept", "application/json");
        assertThat(OrgHeaders.anyIn(headers)).isTrue();

        OrgHeaders.strip(headers);

        assertThat(headers.headerNames()).containsExactly("Accept");
        assertThat(OrgHeaders.anyIn(headers)).isFalse();
    }
}
