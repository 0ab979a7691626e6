package com.crmfactory.messaging.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeFirewallTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/conversations", "/admin/v1/orgs/acme-1/api-keys/0b6f-4c",
            "/api/v1/contacts/+15551230000", "/openapi/conversation", "/api/v1/conversations/a.b", "/admin/v1/orgs/"})
    void canonicalPathsPass(String path) {
        assertThat(EdgeFirewall.isCanonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "admin/v1/orgs", "/admin;x/v1/orgs", "/%61dmin/v1/orgs", "/admin%2fv1/orgs", "/admin%2Fv1",
            "/api/v1/%2e%2e/x", "/api/v1/%252f", "//admin/v1/orgs", "/admin//v1", "/api/v1/./x", "/api/v1/../admin",
            "/api/v1/..", "/api/v1/.", "/admin\\v1", "/admin\tv1", "/admin\u0000", "/admin\u007f", "/\u0430dmin/v1/orgs",
            "/admin\uff0fv1", "/admin v1", "/admin\"v1", "/admin<v1", "/admin{v1}", "/admin|v1", "/admin^v1", "/admin`v1",
            "/admin?v1", "/admin#v1", "/admin%00"})
    void everyOtherSpellingIsRefused(String path) {
        assertThat(EdgeFirewall.isCanonical(path)).isFalse();
    }
}
