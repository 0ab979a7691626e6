package com.crmfactory.messaging.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.EmailAttachment;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WatchedTopics;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * SendGrid Inbound Parse against a real broker: a post with the org's token becomes one {@code MessageReceived}
 * on channel email (subject, text without quoted history and signature, attachment metadata, threading
 * headers); a wrong or missing token, or a forged SendGrid signature, is 403 with nothing published; an
 * HTML-only mail is reduced to safe text; an oversized post is 413.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
                "platform.webhooks.email.max-body-size=256KB"})
@RealInfrastructure(database = false)
class EmailWebhookIT {

    static final String ORG = "org-email";
    static final String ADDRESS = "support@acme.example";
    static final String TOKEN = "eml_4tB7tqG0bV2x9JcZk1mQe8RrWnYp3sLd";
    static final String SIGNED_ORG = "org-email-signed";
    static final String SIGNED_ADDRESS = "orders@signed.example";
    static final String PATH = "/api/v1/webhooks/email/inbound";
    private static KeyPair sendGridKeys;
    @RegisterExtension
    static final WatchedTopics kafka = new WatchedTopics(Topics.INBOUND);

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;
    @Autowired
    EventCodec codec;

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<TopicPartition, Long> mark;

    @BeforeAll
    static void tenants() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        sendGridKeys = generator.generateKeyPair();
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        TenantTopic.publish(bootstrap, new TenantUpserted(ORG, "Acme", TenantStatus.ACTIVE,
                List.of(new SenderNumber(Channel.EMAIL, "Support@Acme.example", null, null)),
                new TenantSettings(null, null, null, null, null, EmailAuthenticator.sha256Hex(TOKEN), null), Instant.now()));
        TenantTopic.publish(bootstrap, new TenantUpserted(SIGNED_ORG, "Signed", TenantStatus.ACTIVE,
                List.of(new SenderNumber(Channel.EMAIL, SIGNED_ADDRESS, null, null)),
                new TenantSettings(null, null, null, null, null, null,
                        Base64.getEncoder().encodeToString(sendGridKeys.getPublic().getEncoded())), Instant.now()));
    }

    @BeforeEach
    void setUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isLoaded()
                && directory.ownerOfEmail(ADDRESS).isPresent() && directory.ownerOfEmail(SIGNED_ADDRESS).isPresent());
        mark = kafka.mark();
    }

    @Test
    void aMailWithTheOrgsTokenBecomesOneEmailMessage() {
        Multipart mail = reply(ADDRESS).file("attachment1", "drawing.pdf", "application/pdf", new byte[2048])
                .file("attachment2", "photo.jpg", "image/jpeg", new byte[512])
                .field("attachments", "2")
                .field("attachment-info", "{\"attachment1\":{\"filename\":\"drawing.pdf\",\"name\":\"drawing.pdf\","
                        + "\"type\":\"application/pdf\"},\"attachment2\":{\"filename\":\"photo.jpg\",\"name\":\"photo.jpg\","
                        + "\"type\":\"image/jpeg\",\"content-id\":\"ii_123\"}}");

        HttpResponse<String> response = post(PATH + "/" + TOKEN, mail);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(1);
        MessageReceived event = decode(records.get(0));
        assertThat(event.orgId()).isEqualTo(ORG);
        assertThat(event.channel()).isEqualTo(Channel.EMAIL);
        assertThat(event.triggerChannel()).isEqualTo(TriggerChannel.EMAIL);
        assertThat(event.from()).isEqualTo("jane.doe@customer.example");
        assertThat(event.profileName()).isEqualTo("Jane Doe");
        assertThat(event.to()).isEqualTo(ADDRESS);
        assertThat(event.subject()).isEqualTo("Re: Quote for 250 hex bolts");
        assertThat(event.body()).isEqualTo("Yes, please go ahead with the order.\n\nThanks!");
        assertThat(event.emailMessageId()).isEqualTo("<CAF=abc123@mail.customer.example>");
        assertThat(event.references()).containsExactly("<q1@acme.example>", "<q2@acme.example>");
        assertThat(event.attachments()).containsExactly(new EmailAttachment("drawing.pdf", "application/pdf", 2048L, null),
                new EmailAttachment("photo.jpg", "image/jpeg", 512L, "ii_123"));
        assertThat(event.media()).isEmpty();
        assertThat(records.get(0).value()).as("no file bytes on Kafka").hasSizeLessThan(2048);
        assertThat(records.get(0).key()).isEqualTo(ORG + ":email:jane.doe@customer.example");

        // SendGrid retries the same mail: the same provider id
        Map<TopicPartition, Long> retry = kafka.mark();
        assertThat(post(PATH + "/" + TOKEN, reply(ADDRESS)).statusCode()).isEqualTo(200);
        assertThat(decode(kafka.since(retry).get(0)).providerMessageId()).isEqualTo(event.providerMessageId());
    }

    @Test
    void aWrongOrMissingTokenIs403AndPublishesNothing() {
        HttpResponse<String> wrong = post(PATH + "/eml_not-the-token", reply(ADDRESS));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.body()).contains("\"field\":\"token\"");
        assertThat(post(PATH, reply(ADDRESS)).statusCode()).as("no token").isEqualTo(403);
        assertThat(post(PATH + "/" + TOKEN, reply(SIGNED_ADDRESS)).statusCode())
                .as("another org's address: its signature is required").isEqualTo(403);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void anHtmlOnlyMailIsReducedToSafeText() {
        Multipart mail = new Multipart().field("from", "Bob <bob@customer.example>").field("to", ADDRESS)
                .field("subject", "Price list")
                .field("html", "<html><head><style>p{color:red}</style><title>t</title></head><body>"
                        + "<p>Hello <b>team</b>,</p><script>alert('x')</script><p>please send the price list.<br>Bob</p>"
                        + "<img src=x onerror=alert(1)><blockquote>old quoted mail</blockquote></body></html>")
                .field("envelope", "{\"to\":[\"" + ADDRESS + "\"],\"from\":\"bob@customer.example\"}");

        assertThat(post(PATH + "/" + TOKEN, mail).statusCode()).isEqualTo(200);

        MessageReceived event = decode(kafka.since(mark).get(0));
        assertThat(event.body()).isEqualTo("Hello team,\nplease send the price list.\nBob");
        assertThat(event.body()).doesNotContain("alert", "color", "<", "old quoted mail");
    }

    @Test
    void aSendGridSignedMailIsAcceptedAndAForgedSignatureIs403() throws Exception {
        Multipart mail = reply(SIGNED_ADDRESS);
        byte[] body = mail.bytes();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());

        HttpResponse<String> signed = post(PATH, mail, "X-Twilio-Email-Event-Webhook-Signature", sign(timestamp, body),
                "X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(decode(kafka.since(mark).get(0)).orgId()).isEqualTo(SIGNED_ORG);

        Map<TopicPartition, Long> afterSigned = kafka.mark();
        HttpResponse<String> forged = post(PATH, mail, "X-Twilio-Email-Event-Webhook-Signature",
                sign(String.valueOf(Long.parseLong(timestamp) + 1), body), "X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-Twilio-Email-Event-Webhook-Signature");
        assertThat(post(PATH, mail).statusCode()).as("unsigned").isEqualTo(403);
        assertThat(kafka.countSince(afterSigned)).isZero();
    }

    @Test
    void anOversizedPostIs413AndANonMultipartOne400() {
        Multipart big = reply(ADDRESS).file("attachment1", "big.bin", "application/octet-stream", new byte[300 * 1024]);
        assertThat(post(PATH + "/" + TOKEN, big).statusCode()).isEqualTo(413);
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(url(PATH + "/" + TOKEN)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("from=x")));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void mailToAnAddressNoOrgOwnsIs404() {
        assertThat(post(PATH + "/" + TOKEN, reply("nobody@nowhere.example")).statusCode()).isEqualTo(404);
        assertThat(kafka.countSince(mark)).isZero();
    }

    /** A customer's reply as Inbound Parse posts it: quoted history, a signature, threading headers. */
    static Multipart reply(String to) {
        String text = "Yes, please go ahead with the order.\r\n\r\nThanks!\r\n\r\n-- \r\nJane Doe\r\nBuyer, Customer Inc.\r\n\r\n"
                + "On Mon, 2 Mar 2026 at 09:15, Acme <support@acme.example> wrote:\r\n> Here is the quote.\r\n";
        return new Multipart()
                .field("headers", "Received: by mx.sendgrid.net\nMessage-ID: <CAF=abc123@mail.customer.example>\n"
                        + "In-Reply-To: <q2@acme.example>\nReferences: <q1@acme.example>\n <q2@acme.example>\n"
                        + "Date: Mon, 2 Mar 2026 10:01:00 +0000\nSubject: Re: Quote for 250 hex bolts\n")
                .field("dkim", "{@customer.example : pass}")
                .field("to", "Acme Support <" + to + ">")
                .field("from", "Jane Doe <jane.doe@customer.example>")
                .field("subject", "Re: Quote for 250 hex bolts")
                .field("text", text)
                .field("html", "<p>Yes, please go ahead with the order.</p>")
                .field("envelope", "{\"to\":[\"" + to + "\"],\"from\":\"jane.doe@customer.example\"}")
                .field("charsets", "{\"to\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"UTF-8\"}")
                .field("SPF", "pass");
    }

    private String sign(String timestamp, byte[] body) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(sendGridKeys.getPrivate());
        signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private MessageReceived decode(ConsumerRecord<String, String> record) {
        return (MessageReceived) codec.decode(record).orElseThrow().payload();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> post(String path, Multipart mail, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", mail.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(mail.bytes()));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data body built by hand, as SendGrid sends it. */
    static final class Multipart {
        private static final String BOUNDARY = "xYzZY";
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final ByteArrayOutputStream files = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            files.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(files.toByteArray());
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private void write(String text) {
            files.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
