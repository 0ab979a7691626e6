package com.crmfactory.messaging.agent.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaHostPolicyTest {

    /** The production defaults: Twilio's hosts, HTTPS only. */
    private final MediaHostPolicy production = policy(new MediaProperties(null, null, 0, null, null, null));

    @ParameterizedTest
    @ValueSource(strings = {
        "https://eviltwilio.com/media/1",
        "https://twilio.com.evil.io/media/1",
        "https://api.twilio.com.evil.io/media/1",
        "https://twilio.com/media/1",
        "http://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "https://api.twilio.com@evil.io/media/1",
        "https://user:pass@api.twilio.com/media/1",
        "https://127.0.0.1/media/1",
        "https://[::1]/media/1",
        "https://169.254.169.254/latest/meta-data/",
        "https://localhost/media/1",
        "ftp://api.twilio.com/media/1",
        "file:///etc/passwd",
        "/relative/media",
        "https://api_twilio.com/media/1",
        "https://.twilio.com/media/1"})
    void refusesEverythingButTwilioOverHttps(String url) {
        assertThatThrownBy(() -> production.check(URI.create(url))).isInstanceOf(MediaRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "https://API.Twilio.com/x", "https://media.twiliocdn.com/x", "https://mms.twiliocdn.com/x"})
    void twilioMediaHostsMatchExactly(String url) {
        assertThat(production.isTwilio(URI.create(url))).isEqualTo(url.toLowerCase().contains("twilio.com/"));
        try {
            production.check(URI.create(url));
        } catch (MediaRefusedException e) {
            // allowed by name; without a network the name cannot be resolved, which is the only refusal accepted
            assertThat(e).hasMessageContaining("unknown");
        }
    }

    @Test
    void twilioCredentialsGoToTwilioHostsOverHttpsOnly() {
        assertThat(production.isTwilio(URI.create("https://api.twilio.com/x"))).isTrue();
        assertThat(production.isTwilio(URI.create("https://media.us1.twilio.com/x"))).isTrue();
        assertThat(production.isTwilio(URI.create("https://eviltwilio.com/x"))).isFalse();
        assertThat(production.isTwilio(URI.create("https://twilio.com.evil.io/x"))).isFalse();
        assertThat(production.isTwilio(URI.create("http://api.twilio.com/x"))).isFalse();
        assertThat(production.isTwilio(URI.create("https://api.twilio.com@evil.io/x"))).isFalse();
    }

    @Test
    void plainHttpAndLoopbackOnlyForHostsListedForDevelopment() {
        MediaHostPolicy development = policy(new MediaProperties(List.of("localhost:8090"), List.of("localhost"), 0, null, null, null));
        assertThatCode(() -> development.check(URI.create("http://localhost:8090/media/1"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> development.check(URI.create("http://localhost:8091/media/1")))
                .as("another port").isInstanceOf(MediaRefusedException.class);
        assertThatThrownBy(() -> development.check(URI.create("http://127.0.0.1:8090/media/1")))
                .as("another spelling of the host").isInstanceOf(MediaRefusedException.class);

        MediaHostPolicy notListed = policy(new MediaProperties(List.of("localhost:8090"), List.of(), 0, null, null, null));
        assertThatThrownBy(() -> notListed.check(URI.create("http://localhost:8090/media/1")))
                .hasMessageContaining("scheme").isInstanceOf(MediaRefusedException.class);
        assertThatThrownBy(() -> notListed.check(URI.create("https://localhost:8090/media/1")))
                .hasMessageContaining("non-public").isInstanceOf(MediaRefusedException.class);
    }

    @Test
    void aMalformedUrlIsRefusedNotThrown() {
        MediaFetcher fetcher = new MediaFetcher(new MediaProperties(null, null, 0, null, null, null));
        assertThatThrownBy(() -> fetcher.fetch("https://api.twilio.com\\@evil.io/x")).isInstanceOf(MediaRefusedException.class);
    }

    private static MediaHostPolicy policy(MediaProperties properties) {
        return new MediaHostPolicy(properties.allowedHosts(), properties.insecureHttpHosts());
    }
}
