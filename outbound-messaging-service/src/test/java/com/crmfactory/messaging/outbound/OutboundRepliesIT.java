package com.crmfactory.messaging.outbound;

import static com.crmfactory.messaging.events.testing.MessageReceivedBuilder.aMessageReceived;
import static com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder.anOutboundMessageRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.EmailThreading;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.support.FakeTwilio;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, the sending side of what an agent can send: a template outside the WhatsApp window goes out as Content
 * (ContentSid + ContentVariables), media as MediaUrl on WhatsApp and MMS, every opt-out change is published once as
 * CustomerOptOutChanged, and an e-mail reply threads (In-Reply-To, References, Re: subject) — real broker and
 * PostgreSQL, an HTTP fake of Twilio through the SDK, GreenMail for SMTP.
 */
@SpringBootTest
@RealInfrastructure
class OutboundRepliesIT {

    static final FakeTwilio TWILIO = FakeTwilio.started();
    static final String ORG = "org-replies";
    static final String SMS_FROM = "+15005550006";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("platform.twilio.api-base-url", TWILIO::origin);
        registry.add("platform.twilio.account-sid", () -> "AC00000000000000000000000000000001");
        registry.add("platform.twilio.auth-token", () -> "0123456789abcdef0123456789abcdef");
        registry.add("platform.twilio.sms-number", () -> SMS_FROM);
        registry.add("platform.twilio.whatsapp-number", () -> "+14155238886");
        registry.add("platform.outbound.rate-limits.enabled", () -> "false");
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @AfterAll
    static void stop() {
        TWILIO.close();
    }

    @Test
    void aTemplateOutsideTheWhatsappWindowGoesOutWithItsContentSidAndVariables() {
        String to = "whatsapp:" + FakeTwilio.randomPhone();
        inbound(Channel.WHATSAPP, to, "a day ago", Instant.now().minus(Duration.ofHours(25)));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("customer_window", to) > 0);
        String contentSid = "HX" + UUID.randomUUID().toString().replace("-", "");
        String key = "order_confirmation_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("""
                INSERT INTO template_copy (template_id, org_id, template_key, channel, language, template_type, body,
                                           content_sid, approval_status)
                VALUES (?, ?, ?, 'whatsapp', 'en', 'TEXT', 'Order {{order_number}} is {{status}}.', ?, 'approved')""",
                UUID.randomUUID().toString(), ORG, key, contentSid);

        String id = send(Channel.WHATSAPP, to, anOutboundMessageRequested().channel(OutboundChannel.WHATSAPP)
                .template(new TemplateRef(key, null, "en", Map.of("order_number", "SO-5", "status", "ready"))));

        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        FakeTwilio.Post post = TWILIO.postsTo(to).get(0);
        assertThat(post.first("ContentSid")).isEqualTo(contentSid);
        assertThat(JSON.readTree(post.first("ContentVariables")))
                .isEqualTo(JSON.readTree("{\"order_number\":\"SO-5\",\"status\":\"ready\"}"));
        assertThat(post.first("Body")).isNull();
    }

    @Test
    void mediaGoesOutAsMediaUrlsOnWhatsappAndAsMms() {
        String whatsapp = "whatsapp:" + FakeTwilio.randomPhone();
        inbound(Channel.WHATSAPP, whatsapp, "hi", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("customer_window", whatsapp) > 0);
        String onWhatsapp = send(Channel.WHATSAPP, whatsapp, anOutboundMessageRequested().channel(OutboundChannel.WHATSAPP)
                .body("Our catalogue").media(List.of(new Media("https://cdn.example.com/catalogue.pdf", null))));
        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(onWhatsapp));
        assertThat(TWILIO.postsTo(whatsapp).get(0).params().get("MediaUrl"))
                .containsExactly("https://cdn.example.com/catalogue.pdf");
        assertThat(TWILIO.postsTo(whatsapp).get(0).first("Body")).isEqualTo("Our catalogue");

        String sms = FakeTwilio.randomPhone();
        String mms = send(Channel.SMS, sms, anOutboundMessageRequested().channel(OutboundChannel.SMS)
                .media(List.of(new Media("https://cdn.example.com/a.jpg", null), new Media("https://cdn.example.com/b.png", null))));
        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(mms));
        assertThat(accepted.channel()).isEqualTo(Channel.MMS);
        assertThat(TWILIO.postsTo(sms).get(0).params().get("MediaUrl"))
                .containsExactly("https://cdn.example.com/a.jpg", "https://cdn.example.com/b.png");
    }

    @Test
    void helpIsAnsweredOnceWithTheOrgsHelpTextAfterTheKeywordIsRecorded() {
        jdbc.update("""
                INSERT INTO tenant_settings (org_id, help_text) VALUES (?, ?)
                ON CONFLICT (org_id) DO UPDATE SET help_text = EXCLUDED.help_text""", ORG, "Replies help: call 555-0100.");
        String to = FakeTwilio.randomPhone();
        MessageReceived help = aMessageReceived().orgId(ORG).channel(Channel.SMS).from(to).to(SMS_FROM).body("HELP")
                .receivedAt(Instant.now()).build();
        Kafka.send(Topics.INBOUND, help.conversationKey().value(), help);
        Kafka.send(Topics.INBOUND, help.conversationKey().value(), help); // redelivered

        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals("help:" + help.providerMessageId()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> TWILIO.postsTo(to).size() == 1);
        assertThat(TWILIO.postsTo(to).get(0).first("Body")).isEqualTo("Replies help: call 555-0100.");
    }

    @Test
    void everyOptOutChangeIsPublishedOnce() {
        String to = FakeTwilio.randomPhone();
        inbound(Channel.SMS, to, "STOP", Instant.now());
        inbound(Channel.SMS, to, "stop", Instant.now()); // already opted out: no change, no event
        await().atMost(Duration.ofSeconds(20)).until(() -> count("opt_out", to) == 1);
        inbound(Channel.SMS, to, "START", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("opt_out", to) == 0);
        inbound(Channel.SMS, to, "UNSTOP", Instant.now()); // already opted in: nothing

        CustomerOptOutChanged out = results().awaitOne(CustomerOptOutChanged.class, e -> e.address().equals(to) && e.optedOut());
        assertThat(out.channel()).isEqualTo(Channel.SMS);
        assertThat(out.source()).isEqualTo("keyword");
        CustomerOptOutChanged in = results().awaitOne(CustomerOptOutChanged.class, e -> e.address().equals(to) && !e.optedOut());
        assertThat(in.occurredAt()).isAfterOrEqualTo(out.occurredAt());
        // the repeated STOP and UNSTOP were handled (the window moved on their time) without another event
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> results().events(CustomerOptOutChanged.class, e -> e.address().equals(to)).size() == 2);
        assertThat(results().all(e -> e.payload() == out).get(0).key()).isEqualTo(ConversationKey.of(ORG, Channel.SMS, to).value());
    }

    @Test
    void anEmailReplyThreadsInTheCustomersMailClient() throws Exception {
        String id = UUID.randomUUID().toString();
        Kafka.send(Topics.OUTBOUND_REQUESTS, ConversationKey.of(ORG, Channel.EMAIL, "ada@example.com").value(),
                new OutboundMessageRequested(ORG, id, Origin.AGENT, "session-" + id, OutboundChannel.EMAIL,
                        "ada@example.com", "Order 17 question", "It shipped today.", List.of(), null, null, null, "agent-1",
                        Instant.now(), new EmailThreading("c2@mail.example.com",
                                List.of("<c1@mail.example.com>", "<c2@mail.example.com>"))));

        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length > 0);
        MimeMessage received = null;
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getSubject().contains("Order 17")) {
                received = m;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.getSubject()).isEqualTo("Re: Order 17 question");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<c2@mail.example.com>");
        assertThat(received.getHeader("References", null)).isEqualTo("<c1@mail.example.com> <c2@mail.example.com>");
    }

    // ---------------------------------------------------------------------------------------------

    private static Kafka.Watcher results() {
        return Kafka.watch(Topics.OUTBOUND_RESULTS);
    }


    private static String send(Channel channel, String to,
            com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder request) {
        String id = UUID.randomUUID().toString();
        OutboundMessageRequested event = request.orgId(ORG).requestId(id).sessionId("session-" + id).to(to)
                .requestedBy("agent-1").build();
        Kafka.send(Topics.OUTBOUND_REQUESTS, ConversationKey.of(ORG, channel, to).value(), event);
        return id;
    }

    private static void inbound(Channel channel, String from, String body, Instant at) {
        MessageReceived received = aMessageReceived().orgId(ORG).channel(channel).from(from)
                .to(channel == Channel.WHATSAPP ? "whatsapp:+14155238886" : SMS_FROM).body(body).receivedAt(at).build();
        Kafka.send(Topics.INBOUND, received.conversationKey().value(), received);
    }

    private int count(String table, String address) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE org_id = ? AND address = ?", Integer.class,
                ORG, address);
    }

}
