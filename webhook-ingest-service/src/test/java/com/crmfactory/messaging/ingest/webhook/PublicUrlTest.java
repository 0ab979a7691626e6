package com.crmfactory.messaging.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicUrlTest {

    private MockHttpServletRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/webhooks/telephony/status");
        request.setScheme("http");
        request.setServerName("ingest");
        request.setServerPort(8081);
        request.addHeader("Host", "ingest:8081");
        request.setQueryString(query);
        return request;
    }

    @Test
    void withoutProxyItIsTheRequestUrlWithItsRawQuery() {
        assertThat(PublicUrl.of(request("requestId=a%2Fb&x=1"), null))
                .isEqualTo("http://ingest:8081/api/v1/webhooks/telephony/status?requestId=a%2Fb&x=1");
    }

    @Test
    void theConfiguredBaseUrlWinsOverEverything() {
        MockHttpServletRequest request = request("requestId=r1");
        request.addHeader("X-Forwarded-Host", "attacker.example");

        assertThat(PublicUrl.of(request, URI.create("https://hooks.example.com/")))
                .isEqualTo("https://hooks.example.com/api/v1/webhooks/telephony/status?requestId=r1");
        assertThat(PublicUrl.of(request, URI.create("https://example.com:8443/edge")))
                .isEqualTo("https://example.com:8443/edge/api/v1/webhooks/telephony/status?requestId=r1");
    }

    @Test
    void forwardedHeadersRebuildTheProxyUrl() {
        MockHttpServletRequest request = request(null);
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "hooks.example.com");
        request.addHeader("X-Forwarded-Port", "443");

        assertThat(PublicUrl.of(request, null)).isEqualTo("https://hooks.example.com/api/v1/webhooks/telephony/status");
    }

    @Test
    void aNonDefaultForwardedPortIsKeptAndTheFirstOfSeveralProxiesCounts() {
        MockHttpServletRequest request = request(null);
        request.addHeader("X-Forwarded-Proto", "https, http");
        request.addHeader("X-Forwarded-Host", "hooks.example.com:9999, lb.internal");
        request.addHeader("X-Forwarded-Port", "8443, 80");

        assertThat(PublicUrl.of(request, null)).isEqualTo("https://hooks.example.com:8443/api/v1/webhooks/telephony/status");
    }

    @Test
    void aForwardedHostMayCarryItsPort() {
        MockHttpServletRequest request = request(null);
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "hooks.example.com:8443");

        assertThat(PublicUrl.of(request, null)).isEqualTo("https://hooks.example.com:8443/api/v1/webhooks/telephony/status");
    }

    @Test
    void onlyTheSchemeForwardedKeepsTheHostHeader() {
        MockHttpServletRequest request = request(null);
        request.removeHeader("Host");
        request.addHeader("Host", "hooks.example.com");
        request.addHeader("X-Forwarded-Proto", "https");

        assertThat(PublicUrl.of(request, null)).isEqualTo("https://hooks.example.com/api/v1/webhooks/telephony/status");
    }
}
