package com.crmfactory.messaging.conversation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.conversation.support.Templates;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveKind;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;

import tools.jackson.databind.JsonNode;

/**
 * Issue 10, item 4: what an agent can send besides text — media (checked without fetching: https, count, public
 * host, type hint), a template (checked and rendered with our copy of templates.catalog.v1), interactive buttons or
 * a list — and WhatsApp's window: outside it plain text is a 422 naming the approved templates, a template goes.
 * WhatsApp sessions here stay open 72 h, beyond the 24 h window.
 */
@TestPropertySource(properties = "conversation.sessions.windows.whatsapp=72h")
class ReplyKindsIT extends ConversationServiceTest {

    private static final String SID = "HX0123456789abcdef0123456789abcdef";
    private Templates templates;

    @Override
    protected String orgLabel() {
        return "kinds";
    }

    @BeforeEach
    void catalogue() {
        templates = new Templates(jdbc);
        templates.publish(org, "order_confirmation", null,
                "Hi {{customer_name}}, order {{order_number}} is {{status}}.",
                List.of("customer_name", "order_number", "status"), SID, ApprovalStatus.APPROVED);
        templates.publish(org, "draft_offer", Channel.WHATSAPP, "Offer {{code}}", List.of("code"), null, ApprovalStatus.DRAFT);
    }

    @Test
    void mediaIsRequestedOnWhatsappAndAsMmsOnSms() {
        String whatsapp = whatsappSession(Instant.now());
        Api.Response reply = reply(Map.of("sessionId", whatsapp, "message", "Our catalogue",
                "mediaUrls", List.of("https://cdn.example.com/catalogue.pdf")));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        OutboundMessageRequested onWhatsapp = requested(reply);
        assertThat(onWhatsapp.channel()).isEqualTo(OutboundChannel.WHATSAPP);
        assertThat(onWhatsapp.media()).extracting(Media::url).containsExactly("https://cdn.example.com/catalogue.pdf");
        assertThat(onWhatsapp.body()).isEqualTo("Our catalogue");

        String sms = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "photos?"));
        Api.Response mms = reply(Map.of("sessionId", sms, "mediaUrls",
                List.of("https://cdn.example.com/a.jpg", "https://cdn.example.com/b.png", "https://img.example.com/x")));
        assertThat(mms.status()).as(mms.raw()).isEqualTo(202);
        OutboundMessageRequested onSms = requested(mms);
        assertThat(onSms.channel()).isEqualTo(OutboundChannel.SMS); // outbound makes SMS with media an MMS
        assertThat(onSms.media()).hasSize(3);
        assertThat(onSms.body()).isNull();
        JsonNode recorded = api.get(org, "/api/v1/conversations/" + sms).at("/messages/items/1");
        assertThat(recorded.at("/media/2/url").asString()).isEqualTo("https://img.example.com/x");
    }

    @Test
    void badMediaIs422NamingTheUrlAndChangesNothing() {
        String sms = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "hi"));
        Map<String, String> cases = Map.of(
                "http://cdn.example.com/a.jpg", "https",
                "https://127.0.0.1/a.jpg", "public host",
                "https://10.1.2.3/a.jpg", "public host",
                "https://localhost/a.jpg", "public host",
                "https://cdn.example.com/setup.exe", ".exe",
                "ftp://cdn.example.com/a.jpg", "https");
        cases.forEach((bad, reason) -> {
            Api.Response response = reply(Map.of("sessionId", sms, "mediaUrls", List.of("https://cdn.example.com/ok.jpg",
                    "https://cdn.example.com/ok.png", bad)));
            assertThat(response.status()).as(bad + " " + response.raw()).isEqualTo(422);
            assertThat(response.at("/errors/0/field").asString()).isEqualTo("mediaUrls[2]");
            assertThat(response.at("/detail").asString()).contains(reason);
        });
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("https://cdn.example.com/" + i + ".jpg");
        }
        Api.Response tooMany = reply(Map.of("sessionId", sms, "mediaUrls", eleven));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.at("/errors/0/field").asString()).isEqualTo("mediaUrls");

        String whatsapp = whatsappSession(Instant.now());
        Api.Response two = reply(Map.of("sessionId", whatsapp, "mediaUrls",
                List.of("https://cdn.example.com/a.jpg", "https://cdn.example.com/b.jpg")));
        assertThat(two.status()).isEqualTo(422);
        assertThat(two.at("/detail").asString()).contains("one attachment");
        assertThat(conversations.messageCount(sms)).isEqualTo(1);
        assertThat(conversations.messageCount(whatsapp)).isEqualTo(1);
    }

    @Test
    void aTemplateIsRenderedIntoTheThreadAndRequestedByKeyWithItsVariables() {
        String whatsapp = whatsappSession(Instant.now());
        Api.Response reply = reply(Map.of("sessionId", whatsapp, "template", Map.of("key", "order_confirmation",
                "variables", Map.of("customer_name", "Ana", "order_number", "SO-1042", "status", "shipped"))));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        OutboundMessageRequested request = requested(reply);
        assertThat(request.template().key()).isEqualTo("order_confirmation");
        assertThat(request.template().language()).isEqualTo("en");
        assertThat(request.template().variables()).containsEntry("order_number", "SO-1042").hasSize(3);
        JsonNode recorded = api.get(org, "/api/v1/conversations/" + whatsapp).at("/messages/items/1");
        assertThat(recorded.at("/body").asString()).isEqualTo("Hi Ana, order SO-1042 is shipped.");
        assertThat(recorded.at("/template/key").asString()).isEqualTo("order_confirmation");

        Api.Response bySid = reply(Map.of("sessionId", whatsapp, "template", Map.of("contentSid", SID,
                "variables", Map.of("customer_name", "Ana", "order_number", "SO-1043", "status", "packed"))));
        assertThat(bySid.status()).as(bySid.raw()).isEqualTo(202);
        assertThat(requested(bySid).template().key()).isEqualTo("order_confirmation");

        String sms = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "status?"));
        Api.Response onSms = reply(Map.of("sessionId", sms, "template", Map.of("key", "order_confirmation",
                "variables", Map.of("customer_name", "Bo", "order_number", "SO-7", "status", "late"))));
        assertThat(onSms.status()).as(onSms.raw()).isEqualTo(202);
        OutboundMessageRequested smsRequest = requested(onSms);
        assertThat(smsRequest.template()).as("SMS says the rendered text").isNull();
        assertThat(smsRequest.body()).isEqualTo("Hi Bo, order SO-7 is late.");
    }

    @Test
    void missingVariablesAndUnknownTemplatesAre422() {
        String whatsapp = whatsappSession(Instant.now());
        Api.Response missing = reply(Map.of("sessionId", whatsapp, "template", Map.of("key", "order_confirmation",
                "variables", Map.of("customer_name", "Ana"))));
        assertThat(missing.status()).as(missing.raw()).isEqualTo(422);
        assertThat(texts(missing.at("/missingVariables"))).containsExactly("order_number", "status");
        assertThat(texts(missing.at("/errors"), "field")).containsExactly("template.variables.order_number",
                "template.variables.status");

        Api.Response unknown = reply(Map.of("sessionId", whatsapp, "template", Map.of("key", "no_such_template")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("template.key");
        Api.Response unknownSid = reply(Map.of("sessionId", whatsapp, "template",
                Map.of("contentSid", "HXffffffffffffffffffffffffffffffff")));
        assertThat(unknownSid.at("/errors/0/field").asString()).isEqualTo("template.contentSid");
        Api.Response withText = reply(Map.of("sessionId", whatsapp, "message", "and also", "template",
                Map.of("key", "order_confirmation")));
        assertThat(withText.at("/errors/0/field").asString()).isEqualTo("template");
        assertThat(conversations.messageCount(whatsapp)).isEqualTo(1);
    }

    @Test
    void outsideTheWhatsappWindowTextIs422NamingTheAllowedTemplatesAndATemplateGoes() {
        String whatsapp = whatsappSession(Instant.now().minus(Duration.ofHours(25)));

        Api.Response text = reply(Map.of("sessionId", whatsapp, "message", "hello?"));
        assertThat(text.status()).as(text.raw()).isEqualTo(422);
        assertThat(text.at("/errors/0/field").asString()).isEqualTo("message");
        assertThat(text.at("/detail").asString()).contains("template is required");
        JsonNode allowed = text.at("/allowedTemplates");
        assertThat(allowed.size()).as(text.raw()).isEqualTo(1);
        assertThat(allowed.at("/0/key").asString()).isEqualTo("order_confirmation");
        assertThat(allowed.at("/0/contentSid").asString()).isEqualTo(SID);
        assertThat(allowed.at("/0/language").asString()).isEqualTo("en");

        Api.Response draft = reply(Map.of("sessionId", whatsapp, "template", Map.of("key", "draft_offer",
                "variables", Map.of("code", "X1"))));
        assertThat(draft.status()).isEqualTo(422);
        assertThat(draft.at("/errors/0/field").asString()).isEqualTo("template");
        assertThat(draft.at("/allowedTemplates/0/key").asString()).isEqualTo("order_confirmation");

        Api.Response template = reply(Map.of("sessionId", whatsapp, "template", Map.of("key", "order_confirmation",
                "variables", Map.of("customer_name", "Ana", "order_number", "SO-9", "status", "ready"))));
        assertThat(template.status()).as(template.raw()).isEqualTo(202);
        assertThat(requested(template).template().key()).isEqualTo("order_confirmation");
    }

    @Test
    void interactiveButtonsAndListsWithinTheirLimits() {
        String whatsapp = whatsappSession(Instant.now());
        Api.Response buttons = reply(Map.of("sessionId", whatsapp, "interactive", Map.of("kind", "quick-reply",
                "body", "Pick up today?", "options", List.of(Map.of("id", "yes", "title", "Yes"),
                        Map.of("id", "no", "title", "No")))));
        assertThat(buttons.status()).as(buttons.raw()).isEqualTo(202);
        OutboundMessageRequested request = requested(buttons);
        assertThat(request.interactive().kind()).isEqualTo(InteractiveKind.QUICK_REPLY);
        assertThat(request.interactive().options()).hasSize(2);

        Api.Response fourButtons = reply(Map.of("sessionId", whatsapp, "interactive", Map.of("kind", "quick-reply",
                "body", "Which?", "options", options(4, "B"))));
        assertThat(fourButtons.status()).isEqualTo(422);
        assertThat(fourButtons.at("/errors/0/field").asString()).isEqualTo("interactive.options");

        Api.Response list = reply(Map.of("sessionId", whatsapp, "interactive", Map.of("kind", "list-picker",
                "body", "Which part?", "buttonLabel", "Parts", "options", options(10, "Part"))));
        assertThat(list.status()).as(list.raw()).isEqualTo(202);
        Api.Response elevenItems = reply(Map.of("sessionId", whatsapp, "interactive", Map.of("kind", "list-picker",
                "body", "Which part?", "buttonLabel", "Parts", "options", options(11, "Part"))));
        assertThat(elevenItems.at("/errors/0/field").asString()).isEqualTo("interactive.options");
        Api.Response noLabel = reply(Map.of("sessionId", whatsapp, "interactive", Map.of("kind", "list-picker",
                "body", "Which part?", "options", options(2, "Part"))));
        assertThat(noLabel.at("/errors/0/field").asString()).isEqualTo("interactive.buttonLabel");
        Api.Response longTitle = reply(Map.of("sessionId", whatsapp, "interactive", Map.of("kind", "quick-reply",
                "body", "Which?", "options", List.of(Map.of("id", "a", "title", "x".repeat(21))))));
        assertThat(longTitle.at("/errors/0/field").asString()).isEqualTo("interactive.options[0].title");

        String sms = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "hi"));
        Api.Response fiveOnSms = reply(Map.of("sessionId", sms, "interactive", Map.of("kind", "quick-reply",
                "body", "Which?", "options", options(5, "B"))));
        assertThat(fiveOnSms.status()).as("SMS shows buttons as a numbered list: no 3-button limit").isEqualTo(202);
    }

    private String whatsappSession(Instant lastCustomerMessage) {
        return conversations.receive(Fixtures.whatsapp(org, Fixtures.phone(), "hi", "Ana", lastCustomerMessage));
    }

    private Api.Response reply(Map<String, Object> body) {
        return api.post(org, "/api/v1/conversations/reply", body);
    }

    private static OutboundMessageRequested requested(Api.Response reply) {
        String requestId = reply.at("/requestId").asString();
        return Kafka.watch(Topics.OUTBOUND_REQUESTS).awaitOne(OutboundMessageRequested.class,
                e -> e.requestId().equals(requestId));
    }

    private static List<Map<String, String>> options(int n, String prefix) {
        List<Map<String, String>> options = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            options.add(Map.of("id", "o" + i, "title", prefix + " " + i));
        }
        return options;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asString()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.path(field).asString()));
        return out;
    }
}
