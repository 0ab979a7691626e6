package com.crmfactory.messaging.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The v3 token (org + signed-in agent) beside v2 (org only, API keys). */
class AgentOrgContextTokenTest {

    private static final String SECRET = "org-context-secret-0123456789";
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String AGENT = "0b6f1c7e-2c44-4d8e-9a43-6a1d5b0f2e11";

    @Test
    void anAgentTokenCarriesTheAgentBesideTheOrg() {
        String token = token("gateway-service", NOW).signForAgent("org-a", AGENT, "conversation-service");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(7);
        assertThat(parts[0]).isEqualTo("v3");
        assertThat(parts[3]).isEqualTo("org-a");
        assertThat(parts[4]).isEqualTo(AGENT);
        OrgContextToken service = token("conversation-service", NOW);
        assertThat(service.verifyClaims(token)).contains(new OrgContextToken.Claims("org-a", Optional.of(AGENT)));
        assertThat(service.verify(token)).contains("org-a");
    }

    @Test
    void v2TokensStayValidAndCarryNoAgent() {
        String v2 = token("gateway-service", NOW).sign("org-a", "conversation-service");
        assertThat(token("conversation-service", NOW).verifyClaims(v2))
                .contains(new OrgContextToken.Claims("org-a", Optional.empty()));
    }

    @Test
    void theAgentCannotBeChangedNorTheTokenReadElsewhereOrLater() {
        String token = token("gateway-service", NOW).signForAgent("org-a", AGENT, "conversation-service");
        String otherAgent = token.replace(AGENT, "someone-else");
        assertThat(token("conversation-service", NOW).verifyClaims(otherAgent)).isEmpty();
        assertThat(token("template-service", NOW).verifyClaims(token)).isEmpty();
        assertThat(token("conversation-service", NOW.plusSeconds(61)).verifyClaims(token)).isEmpty();
        // a v3 payload relabelled v2 (agent dropped) does not verify either
        String[] parts = token.split("\\.");
        String downgraded = String.join(".", "v2", parts[1], parts[2], parts[3], parts[5], parts[6]);
        assertThat(token("conversation-service", NOW).verifyClaims(downgraded)).isEmpty();
        assertThat(token("conversation-service", NOW).verifyClaims(token.replace("v3.", "v2."))).isEmpty();
    }

    @Test
    void malformedAgentIdsAreRefused() {
        OrgContextToken gateway = token("gateway-service", NOW);
        assertThatIllegalArgumentException().isThrownBy(() -> gateway.signForAgent("org-a", "a.b", "conversation-service"));
        assertThatIllegalArgumentException().isThrownBy(() -> gateway.signForAgent("org-a", null, "conversation-service"));
    }

    private static OrgContextToken token(String service, Instant now) {
        return new OrgContextToken(service, SECRET, List.of(), Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }
}
