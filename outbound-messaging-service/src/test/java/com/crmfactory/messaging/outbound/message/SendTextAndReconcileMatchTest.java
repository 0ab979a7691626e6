package com.crmfactory.messaging.outbound.message;

import static com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder.anOutboundMessageRequested;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveKind;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.message.OutboundMessageRepository.SendFingerprint;
import com.crmfactory.messaging.outbound.template.TemplateCatalog.Template;
import com.crmfactory.messaging.outbound.twilio.TwilioMessage;

/** Plain-text rendering ({@link SendPolicy#text}) and the reconciliation's matching rule ({@link Reconciler#match}). */
class SendTextAndReconcileMatchTest {

    static final Interactive LIST = new Interactive(InteractiveKind.LIST_PICKER, "Pick a part", "Choose",
            List.of(new InteractiveOption("SKU-1", "Brake pad", null), new InteractiveOption("SKU-2", "Brake disc", null)));

    @Test
    void aTemplateWithAnInteractiveListRendersTheTemplateTextThenTheNumberedOptions() {
        Template template = new Template("parts", "Parts for {{query}}:", "HX00000000000000000000000000000001", true);
        assertThat(SendPolicy.text(request(new TemplateRef("parts", null, "en", Map.of("query", "brakes")), LIST), template))
                .isEqualTo("Parts for brakes:\n1) Brake pad\n2) Brake disc");
    }

    @Test
    void aTemplateAloneAndAnInteractiveListAloneRenderAsBefore() {
        Template template = new Template("parts", "Parts for {{query}}.", null, true);
        assertThat(SendPolicy.text(request(new TemplateRef("parts", null, "en", Map.of("query", "brakes")), null), template))
                .isEqualTo("Parts for brakes.");
        assertThat(SendPolicy.text(request(null, LIST), null)).isEqualTo("Pick a part\n1) Brake pad\n2) Brake disc");
    }

    @Test
    void aTextSendMatchesOnlyItsBody() {
        var m = Reconciler.match(new SendFingerprint("hello", null, null, 0), List.of(msg("SM2", "other"), msg("SM1", "hello")));
        assertThat(m.message().sid()).isEqualTo("SM1");
        assertThat(Reconciler.match(new SendFingerprint("hello", null, null, 0), List.of(msg("SM2", "other"))).candidates())
                .isZero();
    }

    @Test
    void aContentSendPrefersTheExpectedRenderedBody() {
        var m = Reconciler.match(new SendFingerprint(null, "HX1", "[\"Order A-17 shipped\"]", 0),
                List.of(msg("SM3", null), msg("SM2", "Order A-17 shipped"), msg("SM1", "unrelated")));
        assertThat(m.message().sid()).isEqualTo("SM2");
    }

    @Test
    void aContentSendWithoutItsTextShownTakesTheOnlyCandidateNotProvablyAnotherMessage() {
        var m = Reconciler.match(new SendFingerprint(null, "HX1", "[\"Order A-17 shipped\"]", 0),
                List.of(msg("SM2", "unrelated"), msg("SM1", null)));
        assertThat(m.message().sid()).isEqualTo("SM1");
        assertThat(m.candidates()).as("a different body is no proof of absence for a resend").isEqualTo(2);
    }

    @Test
    void aContentSendWithNoDistinguishingFieldNeedsExactlyOneCandidate() {
        SendFingerprint bare = new SendFingerprint(null, "HX1", null, 0);
        assertThat(Reconciler.match(bare, List.of(msg("SM1", null))).message().sid()).isEqualTo("SM1");
        var two = Reconciler.match(bare, List.of(msg("SM2", "x"), msg("SM1", null)));
        assertThat(two.message()).isNull();
        assertThat(two.candidates()).isEqualTo(2);
        assertThat(Reconciler.match(bare, List.of()).candidates()).isZero();
    }

    private static TwilioMessage msg(String sid, String body) {
        return new TwilioMessage(sid, "+15550000001", "+15005550006", body, "queued", Instant.now());
    }

    private static OutboundMessageRequested request(TemplateRef template, Interactive interactive) {
        return anOutboundMessageRequested().orgId("org").requestId("r1").origin(Origin.AI).sessionId("s1")
                .to("+15550000001").template(template).interactive(interactive).requestedBy("ai").build();
    }
}
