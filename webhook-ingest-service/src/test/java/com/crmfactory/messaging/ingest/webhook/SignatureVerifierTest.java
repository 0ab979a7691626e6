package com.crmfactory.messaging.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.TwilioFixtures;
import com.crmfactory.messaging.testsupport.TwilioFixtures.Signed;

/** The SDK's validator over our decoder, against the signatures recorded with the fixtures. */
class SignatureVerifierTest {

    private final SignatureVerifier verifier = new SignatureVerifier(TwilioFixtures.AUTH_TOKEN);

    @Test
    void everyFixtureValidatesWithItsRecordedSignature() {
        for (String fixture : TwilioFixtures.all()) {
            Signed signed = TwilioFixtures.signed(fixture);
            Map<String, String> params = FormDecoder.decode(TwilioFixtures.body(fixture), true, "body");
            assertThat(verifier.isValid(signed.url(), params, signed.signature())).as(fixture).isTrue();
            // the tests' own signer agrees with Twilio's recorded signatures
            assertThat(TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, signed.url(), params)).as(fixture)
                    .isEqualTo(signed.signature());
        }
    }

    @Test
    void theDocumentedTwilioTestVectorValidates() {
        SignatureVerifier docs = new SignatureVerifier("12345");
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675310",
                "Digits", "1234", "From", "+14158675310", "To", "+18005551212");

        assertThat(docs.isValid("https://example.com/myapp.php?foo=1&bar=2", params, "L/OH5YylLD5NRKLltdqwSvS0BnU=")).isTrue();
    }

    @Test
    void aWrongTokenFails() {
        Signed signed = TwilioFixtures.signed("sms-inbound.txt");
        SignatureVerifier other = new SignatureVerifier("0123456789abcdef0123456789abcdef");

        assertThat(other.isValid(signed.url(), TwilioFixtures.params("sms-inbound.txt"), signed.signature())).isFalse();
    }

    @Test
    void aChangedAddedOrRemovedParameterFails() {
        Signed signed = TwilioFixtures.signed("sms-inbound.txt");
        Map<String, String> changed = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        changed.put("Body", "Send me all your money");
        Map<String, String> added = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        added.put("Extra", "1");
        Map<String, String> removed = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        removed.remove("ReferralNumMedia");

        assertThat(verifier.isValid(signed.url(), changed, signed.signature())).isFalse();
        assertThat(verifier.isValid(signed.url(), added, signed.signature())).isFalse();
        assertThat(verifier.isValid(signed.url(), removed, signed.signature())).isFalse();
    }

    @Test
    void anotherUrlOrQueryFails() {
        Signed signed = TwilioFixtures.signed("status-sent.txt");
        Map<String, String> params = TwilioFixtures.params("status-sent.txt");

        assertThat(verifier.isValid("https://example.com/twilio/status?requestId=x", params, signed.signature())).isFalse();
        assertThat(verifier.isValid("http://example.com/twilio/status", params, signed.signature())).isFalse();
    }

    @Test
    void anExplicitDefaultPortIsTolerated() {
        Signed signed = TwilioFixtures.signed("status-sent.txt");

        assertThat(verifier.isValid("https://example.com:443/twilio/status", TwilioFixtures.params("status-sent.txt"),
                signed.signature())).isTrue();
    }

    @Test
    void aMissingSignatureFails() {
        Signed signed = TwilioFixtures.signed("sms-inbound.txt");

        assertThat(verifier.isValid(signed.url(), TwilioFixtures.params("sms-inbound.txt"), null)).isFalse();
        assertThat(verifier.isValid(signed.url(), TwilioFixtures.params("sms-inbound.txt"), "")).isFalse();
    }

    @Test
    void withoutAnAuthTokenTheServiceRefusesToStart() {
        assertThatThrownBy(() -> new SignatureVerifier(" ")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PLATFORM_TWILIO_AUTH_TOKEN");
    }
}
