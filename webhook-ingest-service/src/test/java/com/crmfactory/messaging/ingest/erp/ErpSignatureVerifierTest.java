package com.crmfactory.messaging.ingest.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;

class ErpSignatureVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final byte[] BODY = "{\"orderNumber\":\"SO-1\"}".getBytes(StandardCharsets.UTF_8);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ErpSignatureVerifier verifier = new ErpSignatureVerifier(
            new ErpWebhookProperties("master", List.of(" ", "old-master"), Duration.ofMinutes(5)), clock);

    @Test
    void acceptsTheCurrentAndTheAdditionalMasterAtTheEdgeOfTheWindow() {
        String edge = Long.toString(NOW.minusSeconds(300).getEpochSecond());

        assertThat(verifier.verify("org-a", edge, sign("master", "org-a", edge), BODY)).isEqualTo(NOW.minusSeconds(300));
        assertThat(verifier.verify("org-a", edge, sign("old-master", "org-a", edge), BODY)).isEqualTo(NOW.minusSeconds(300));
    }

    @Test
    void refusesATimestampJustOutsideTheWindowOrNotANumber() {
        String late = Long.toString(NOW.minusSeconds(301).getEpochSecond());

        assertThatThrownBy(() -> verifier.verify("org-a", late, sign("master", "org-a", late), BODY))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(e.field()).isEqualTo(ErpWebhookSecret.TIMESTAMP_HEADER);
                });
        assertThatThrownBy(() -> verifier.verify("org-a", "2026-12-03T10:00:00Z", "sha256=00", BODY))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo(ErpWebhookSecret.TIMESTAMP_HEADER));
        assertThatThrownBy(() -> verifier.verify("org-a", "99999999999999999999", "sha256=00", BODY))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void refusesASignatureWithoutItsPrefixOrInUpperCase() {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign("master", "org-a", ts);

        assertThatThrownBy(() -> verifier.verify("org-a", ts, signature.substring("sha256=".length()), BODY))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> verifier.verify("org-a", ts, signature.toUpperCase(), BODY))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void withoutAMasterNothingIsVerifiable() {
        ErpSignatureVerifier unconfigured = new ErpSignatureVerifier(new ErpWebhookProperties("", List.of("old"),
                Duration.ofMinutes(5)), clock);
        String ts = Long.toString(NOW.getEpochSecond());

        assertThatThrownBy(() -> unconfigured.verify("org-a", ts, sign("old", "org-a", ts), BODY))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    private static String sign(String master, String orgId, String timestamp) {
        return ErpWebhookSecret.signature(ErpWebhookSecret.derive(master, orgId), timestamp, BODY);
    }
}
