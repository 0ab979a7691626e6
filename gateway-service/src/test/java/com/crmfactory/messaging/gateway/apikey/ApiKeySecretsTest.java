package com.crmfactory.messaging.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

    @Test
    void keysAreRandom256BitsWithARecognisablePrefix() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(ApiKeySecrets.generate());
        }
        assertThat(keys).hasSize(100).allSatisfy(key -> assertThat(key).startsWith("omk_").hasSize(4 + 43)
                .matches("omk_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void storedFormIsTheSha256AndAShortDisplayPrefix() {
        String key = ApiKeySecrets.generate();
        assertThat(ApiKeySecrets.hash(key)).hasSize(64).doesNotContain(key.substring(4)).isEqualTo(ApiKeySecrets.hash(key));
        assertThat(ApiKeySecrets.displayPrefix(key)).hasSize(12).isEqualTo(key.substring(0, 12));
        assertThat(ApiKeySecrets.sameSecret(key, key)).isTrue();
        assertThat(ApiKeySecrets.sameSecret(key, key + "x")).isFalse();
    }
}
