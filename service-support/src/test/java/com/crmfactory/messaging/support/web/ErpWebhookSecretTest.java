package com.crmfactory.messaging.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The recipe matches what the README's openssl commands compute (vectors taken from openssl dgst -hmac). */
class ErpWebhookSecretTest {

    @Test
    void derivesTheOrgSecretAsOpensslDoes() {
        // printf 'erp-webhook:org-demo' | openssl dgst -sha256 -hmac 'master-secret'
        assertThat(ErpWebhookSecret.derive("master-secret", "org-demo"))
                .isEqualTo("db47dff7d0313fd6cc05bf3454a661b7d88f0b67f9f47f60527d7c87a0a6388a");
    }

    @Test
    void signsTimestampDotBodyAsOpensslDoes() {
        String secret = ErpWebhookSecret.derive("master-secret", "org-demo");
        // printf '1700000000.{"orderNumber":"SO-1"}' | openssl dgst -sha256 -hmac "$secret"
        assertThat(ErpWebhookSecret.signature(secret, "1700000000", "{\"orderNumber\":\"SO-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f45c34bd1f81617484f3bda6fc75e0354570e3cf483e7c1d5b9a18bfd5ae1675");
    }

    @Test
    void everyOrgHasItsOwnSecret() {
        assertThat(ErpWebhookSecret.derive("master-secret", "org-a")).isNotEqualTo(ErpWebhookSecret.derive("master-secret", "org-b"));
        assertThat(ErpWebhookSecret.derive("master-secret", "org-a")).isNotEqualTo(ErpWebhookSecret.derive("other-master", "org-a"));
    }
}
