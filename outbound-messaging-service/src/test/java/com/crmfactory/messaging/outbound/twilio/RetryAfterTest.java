package com.crmfactory.messaging.outbound.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void secondsOrAnHttpDateCountFromWhenTheHeaderWasRead() {
        assertThat(TwilioMessagingClient.retryAfter("3", NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(TwilioMessagingClient.retryAfter("Mon, 02 Mar 2026 10:00:05 GMT", NOW)).isEqualTo(Duration.ofSeconds(5));
        assertThat(TwilioMessagingClient.retryAfter("Mon, 02 Mar 2026 09:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void noOrAnUnreadableHeaderAsksForNothing() {
        assertThat(TwilioMessagingClient.retryAfter(null, NOW)).isNull();
        assertThat(TwilioMessagingClient.retryAfter("soon", NOW)).isNull();
    }
}
