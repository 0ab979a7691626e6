package com.crmfactory.messaging.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrgContextTokenTest {

    private static final String OLD = "old-org-context-secret-0123456789";
    private static final String NEW = "new-org-context-secret-0123456789";
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void aTokenCarriesVersionKeyIdAudienceOrgAndExpiry() {
        OrgContextToken gateway = token("gateway-service", OLD, List.of(), NOW);
        String[] parts = gateway.sign("org-a", "conversation-service").split("\\.");
        assertThat(parts).hasSize(6);
        assertThat(parts[0]).isEqualTo("v2");
        assertThat(parts[1]).isEqualTo(gateway.signingKeyId()).doesNotContain(OLD);
        assertThat(parts[2]).isEqualTo("conversation-service");
        assertThat(parts[3]).isEqualTo("org-a");
        assertThat(parts[4]).isEqualTo(String.valueOf(NOW.plusSeconds(60).getEpochSecond()));
    }

    @Test
    void onlyTheAudienceAcceptsIt() {
        String forConversation = token("gateway-service", OLD, List.of(), NOW).sign("org-a", "conversation-service");
        assertThat(token("conversation-service", OLD, List.of(), NOW).verify(forConversation)).contains("org-a");
        assertThat(token("template-service", OLD, List.of(), NOW).verify(forConversation)).isEmpty();
        assertThat(token("gateway-service", OLD, List.of(), NOW).verifyFor("conversation-service", forConversation)).contains("org-a");
        assertThat(token("gateway-service", OLD, List.of(), NOW).verifyFor("template-service", forConversation)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = token("gateway-service", OLD, List.of(), NOW).sign("org-a", "conversation-service");
        assertThat(token("conversation-service", OLD, List.of(), NOW.plusSeconds(60)).verify(token)).contains("org-a");
        assertThat(token("conversation-service", OLD, List.of(), NOW.plusSeconds(61)).verify(token)).isEmpty();
    }

    @Test
    void rotationAcceptsBothSecretsWhileItLasts() {
        OrgContextToken oldGateway = token("gateway-service", OLD, List.of(), NOW);
        OrgContextToken newGateway = token("gateway-service", NEW, List.of(OLD), NOW);
        // step 1: services still sign with OLD and accept NEW too
        OrgContextToken step1 = token("conversation-service", OLD, List.of(NEW), NOW);
        // step 2: NEW signs, OLD is still accepted
        OrgContextToken step2 = token("conversation-service", NEW, List.of(OLD), NOW);
        // step 3: OLD is dropped
        OrgContextToken step3 = token("conversation-service", NEW, List.of(), NOW);
        for (OrgContextToken service : List.of(step1, step2)) {
            assertThat(service.verify(oldGateway.sign("org-a", "conversation-service"))).contains("org-a");
            assertThat(service.verify(newGateway.sign("org-a", "conversation-service"))).contains("org-a");
        }
        assertThat(step3.verify(newGateway.sign("org-a", "conversation-service"))).contains("org-a");
        assertThat(step3.verify(oldGateway.sign("org-a", "conversation-service"))).isEmpty();
        assertThat(newGateway.signingKeyId()).isNotEqualTo(oldGateway.signingKeyId());
    }

    @Test
    void tamperedTokensAreRefused() {
        OrgContextToken service = token("conversation-service", OLD, List.of(), NOW);
        String token = token("gateway-service", OLD, List.of(), NOW).sign("org-a", "conversation-service");
        String otherKeyId = token("gateway-service", NEW, List.of(), NOW).signingKeyId();
        String expiry = String.valueOf(NOW.plusSeconds(60).getEpochSecond());
        assertThat(service.verify(token.replace(".org-a.", ".org-b."))).isEmpty();
        assertThat(service.verify(token.replace(expiry, String.valueOf(NOW.plusSeconds(3600).getEpochSecond())))).isEmpty();
        assertThat(service.verify(token.replace("v2.", "v1."))).isEmpty();
        assertThat(service.verify(token.replaceFirst("\\.[^.]+\\.", "." + otherKeyId + "."))).isEmpty();
        assertThat(service.verify(token.substring(0, token.lastIndexOf('.') + 1))).isEmpty();
        assertThat(service.verify(token + ".x")).isEmpty();
        assertThat(service.verify("")).isEmpty();
        assertThat(service.verify(null)).isEmpty();
    }

    @Test
    void blankAdditionalSecretsAreIgnoredShortOnesRefused() {
        assertThat(token("conversation-service", OLD, List.of("", " "), NOW).verify(
                token("gateway-service", OLD, List.of(), NOW).sign("org-a", "conversation-service"))).contains("org-a");
        assertThatIllegalArgumentException().isThrownBy(() -> token("conversation-service", "short", List.of(), NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> token("conversation-service", OLD, List.of("short"), NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> token("gateway-service", OLD, List.of(), NOW).sign("org-a", "Bad.Audience"));
    }

    private static OrgContextToken token(String service, String secret, List<String> additional, Instant now) {
        return new OrgContextToken(service, secret, additional, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }
}
