package com.crmfactory.messaging.systemtests;

import static com.crmfactory.messaging.systemtests.Probes.send;
import static com.crmfactory.messaging.systemtests.Probes.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 end to end, every part in its own JVM on a real broker and PostgreSQL, one stack for the class
 * (gateway, ingest, conversation, AI agent, outbound, template service and the devstack's Twilio simulator):
 * <ul>
 * <li>a call from the simulator ({@code POST /sim/customer/call}: the real voice webhook, its TwiML's
 * {@code <Record>} callbacks, all signed) leaves a voicemail that the org reads through the gateway as a
 * {@code voice} session with the transcript and the recording, and the AI agent's answer reaches the caller's
 * simulated phone by SMS;</li>
 * <li>after the WhatsApp window (5 s here) plain text is refused with 422 naming the approved templates, and a
 * template reply reaches the simulated WhatsApp phone with its Content SID and variables;</li>
 * <li>a WhatsApp greeting gets the {@code welcome_menu} that template-service created in the simulator's Content API
 * (its three buttons on the phone), and a button tap is answered;</li>
 * <li>an e-mail from the simulator's customer (an Inbound Parse multipart on the org's token path, after the org's
 * address and token were set up through the admin API as {@code ./omni up} does) becomes an {@code email} session
 * whose message shows the subject.</li>
 * </ul>
 */
class VoicemailAndTemplateE2EIT {

    private static final String API_KEY = "omk_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String ADMIN_KEY = "adm_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String WHATSAPP_NUMBER = "+14155238886";
    /** the deployment's Content SID of the built-in order_confirmation, approved by the simulator from the start */
    private static final String ORDER_CONFIRMATION_SID = "HX0123456789abcdef0123456789abcdef";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static ServiceProcess gateway;
    private static ServiceProcess ingest;
    private static ServiceProcess conversation;
    private static ServiceProcess outbound;
    private static ServiceProcess agent;
    private static ServiceProcess templates;
    private static ServiceProcess simulator;

    @BeforeAll
    static void startServices() throws Exception {
        StackEnvironment stack = new StackEnvironment();
        // a 5 s WhatsApp window (conversation and outbound read the same key), the org's WhatsApp sender, the built-in's SID
        Map<String, String> twilio = Map.of("PLATFORM_WHATSAPP_WINDOW", "5s",
                "PLATFORM_TWILIO_WHATSAPP_NUMBER", WHATSAPP_NUMBER, "TWILIO_TPL_ORDER_CONFIRMATION", ORDER_CONFIRMATION_SID);

        Map<String, String> conversationEnv = with(stack.withDatabase("e2e10_conversation"), twilio);
        conversation = ServiceProcess.start("conversation-service", conversationEnv);
        ingest = ServiceProcess.start("webhook-ingest-service", with(stack.common(), twilio));
        agent = ServiceProcess.start("ai-agent-service", with(stack.withDatabase("e2e10_agent"), twilio));
        Map<String, String> gatewayEnv = with(stack.withDatabase("e2e10_gateway"), twilio);
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", API_KEY);
        gatewayEnv.put("PLATFORM_ADMIN_API_KEY", ADMIN_KEY);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        gateway = ServiceProcess.start("gateway-service", gatewayEnv);
        simulator = ServiceProcess.startDevstackMain("twilio-simulator", "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gateway.url(), "SIMULATOR_CALLBACK_STEP_MS", "200",
                        "TWILIO_TPL_ORDER_CONFIRMATION", ORDER_CONFIRMATION_SID), "/health");
        Map<String, String> outboundEnv = with(stack.withDatabase("e2e10_outbound"), twilio);
        outboundEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", gateway.url());
        outbound = ServiceProcess.start("outbound-messaging-service", outboundEnv);
        Map<String, String> templateEnv = with(stack.withDatabase("e2e10_template"), twilio);
        templateEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        // the approval sync asks the simulator soon and often, so the built-in's approval arrives within seconds
        templateEnv.put("PLATFORM_TEMPLATE_APPROVALSYNC_INITIALDELAY", "2s");
        templateEnv.put("PLATFORM_TEMPLATE_APPROVALSYNC_INTERVAL", "3s");
        templates = ServiceProcess.start("template-service", templateEnv);

        for (ServiceProcess process : processes()) {
            process.awaitReady(Duration.ofSeconds(300)); // seven JVMs starting at once on a busy 2-core machine
        }
    }

    private static ServiceProcess[] processes() {
        return new ServiceProcess[] {simulator, conversation, ingest, gateway, outbound, agent, templates};
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess process : processes()) {
            if (process != null) {
                process.close();
            }
        }
    }

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> extra) {
        environment.putAll(extra);
        return environment;
    }

    @Test
    void aSimulatedCallLeavesAVoicemailInAVoiceSessionAndTheAgentAnswersBySms() throws Exception {
        String caller = randomNumber();
        String transcript = "Hi, this is Dana, what is the price of 250 hex bolts? " + UUID.randomUUID();
        // the ingest knows the org's number once the gateway's tenant record reached it: until then the call is refused
        JsonNode call = until(Duration.ofSeconds(60), "the simulated call's webhooks to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/call", json.writeValueAsString(Map.of(
                    "phone", caller, "to", TwilioFixtures.BUSINESS_NUMBER, "transcript", transcript, "recordingSeconds", 12)));
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        });
        assertThat(call.path("steps")).extracting(step -> step.path("status").asInt()).containsExactly(200, 200, 204, 204);
        String recordingUrl = call.path("recordingUrl").asString();

        JsonNode row = until(Duration.ofSeconds(60), "the voice session through the gateway", () -> conversationOf(caller, "voice"));
        assertThat(row.path("channel").asString()).isEqualTo("voice");
        JsonNode voicemail = thread(row.path("sessionId").asString()).path("messages").path("items").get(0);
        assertThat(voicemail.path("author").asString()).isEqualTo("CUSTOMER");
        assertThat(voicemail.path("body").asString()).isEqualTo(transcript);
        assertThat(voicemail.path("triggerChannel").asString()).isEqualTo("voicemail");
        assertThat(voicemail.path("providerMessageId").asString()).isEqualTo("call:" + call.path("callSid").asString());
        assertThat(voicemail.path("media").get(0).path("url").asString()).isEqualTo(recordingUrl);
        assertThat(voicemail.path("media").get(0).path("contentType").asString()).isEqualTo("audio/x-wav");

        // the AI agent answers the voicemail by SMS from the org's number to the caller's simulated phone
        JsonNode sms = until(Duration.ofSeconds(60), "the AI agent's SMS on the caller's phone", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/messages", null).body())) {
                if (caller.equals(m.path("to").asString()) && !m.path("body").asString().isBlank()) {
                    return m;
                }
            }
            return null;
        });
        assertThat(sms.path("from").asString()).isEqualTo(TwilioFixtures.BUSINESS_NUMBER);
        assertThat(sms.path("sid").asString()).startsWith("SM");
    }

    @Test
    void outsideTheWhatsAppWindowTextIsRefusedNamingTheTemplatesAndATemplateReachesThePhone() throws Exception {
        String customer = randomNumber();
        until(Duration.ofSeconds(60), "the customer's WhatsApp message to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of(
                    "channel", "whatsapp", "phone", customer, "to", WHATSAPP_NUMBER, "body", "Is my order ready?")));
            return response.statusCode() == 200 ? response : null;
        });
        JsonNode row = until(Duration.ofSeconds(60), "the WhatsApp session through the gateway",
                () -> conversationOf(customer, "whatsapp"));
        String sessionId = row.path("sessionId").asString();
        Thread.sleep(5_500); // the customer's last message is now older than the 5 s window

        // refused at once; the approved built-in is named once the template service's approval sync saw the simulator's verdict
        JsonNode refusal = until(Duration.ofSeconds(60), "a 422 naming order_confirmation as allowed", () -> {
            HttpResponse<String> text = api("POST", "/api/v1/conversations/reply",
                    json.writeValueAsString(Map.of("sessionId", sessionId, "message", "Your order is ready.")));
            assertThat(text.statusCode()).as(text.body()).isEqualTo(422);
            JsonNode problem = json.readTree(text.body());
            for (JsonNode allowed : problem.path("allowedTemplates")) {
                if ("order_confirmation".equals(allowed.path("key").asString())) {
                    return problem;
                }
            }
            return null;
        });
        assertThat(refusal.path("errors").get(0).path("field").asString()).isEqualTo("message");
        for (JsonNode allowed : refusal.path("allowedTemplates")) {
            if ("order_confirmation".equals(allowed.path("key").asString())) {
                assertThat(allowed.path("contentSid").asString()).isEqualTo(ORDER_CONFIRMATION_SID);
            }
        }

        String orderNumber = "SO-" + (1000 + (int) (Math.random() * 9000));
        HttpResponse<String> template = api("POST", "/api/v1/conversations/reply", json.writeValueAsString(Map.of(
                "sessionId", sessionId, "template", Map.of("key", "order_confirmation", "variables", Map.of(
                        "customer_name", "Ana", "order_number", orderNumber, "status", "shipped", "total", "$99",
                        "delivery_date", "Friday")))));
        assertThat(template.statusCode()).as(template.body()).isEqualTo(202);

        JsonNode onThePhone = until(Duration.ofSeconds(60), "the template on the simulated WhatsApp phone", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/customer/inbox?phone=" + enc(customer), null).body())) {
                if (ORDER_CONFIRMATION_SID.equals(m.path("contentSid").asString())) {
                    return m;
                }
            }
            return null;
        });
        assertThat(onThePhone.path("to").asString()).isEqualTo("whatsapp:" + customer);
        assertThat(onThePhone.path("from").asString()).isEqualTo("whatsapp:" + WHATSAPP_NUMBER);
        JsonNode variables = json.readTree(onThePhone.path("contentVariables").asString());
        assertThat(variables.toString()).contains(orderNumber).contains("Ana").contains("Friday");
    }

    /**
     * Issue 13: template-service created the org's {@code welcome_menu} in the simulator's Content API and the
     * simulator approved it; the AI agent greets a new WhatsApp customer with it, the phone shows its three
     * buttons, and a tap on one (ButtonPayload) is answered.
     */
    @Test
    void aGreetingOnWhatsAppGetsTheProvisionedWelcomeMenuAndItsButtonTapIsAnswered() throws Exception {
        // (this stack's gateway routes no template API: the simulator's Content API is asked directly, as Twilio's console would be)
        JsonNode content = until(Duration.ofSeconds(90), "welcome_menu created in the simulator and approved", () -> {
            for (JsonNode c : json.readTree(simulatorAuthorized("/v1/Content?PageSize=500").body()).path("contents")) {
                if (c.path("friendly_name").asString("").startsWith("welcome_menu_") && "approved".equals(json.readTree(
                        simulatorAuthorized("/v1/Content/" + c.path("sid").asString() + "/ApprovalRequests").body())
                        .at("/whatsapp/status").asString())) {
                    return c;
                }
            }
            return null;
        });
        String sid = content.path("sid").asString();
        assertThat(sid).isNotEqualTo(ORDER_CONFIRMATION_SID);
        assertThat(content.at("/types/twilio~1quick-reply/actions")).hasSize(3);
        // the overridden built-in (TWILIO_TPL_ORDER_CONFIRMATION) was not provisioned
        assertThat(json.readTree(simulatorAuthorized("/v1/Content?PageSize=500").body()).path("contents").valueStream()
                .map(c -> c.path("friendly_name").asString("")).filter(n -> n.startsWith("order_confirmation_"))).isEmpty();

        // the agent's copy of the catalogue follows the topic: greet until its welcome carries the provisioned SID
        String[] customer = new String[1];
        JsonNode menu = until(Duration.ofSeconds(90), "the welcome menu on the simulated WhatsApp phone", () -> {
            customer[0] = randomNumber();
            simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of(
                    "channel", "whatsapp", "phone", customer[0], "to", WHATSAPP_NUMBER, "body", "Hello")));
            for (int i = 0; i < 20; i++) {
                for (JsonNode m : json.readTree(simulator("GET", "/sim/customer/inbox?phone=" + enc(customer[0]), null).body())) {
                    if (!m.path("contentSid").isNull() && !m.path("contentSid").asString("").isEmpty()) {
                        return sid.equals(m.path("contentSid").asString()) ? m : null;
                    }
                }
                Thread.sleep(500);
            }
            return null;
        });
        assertThat(menu.path("to").asString()).isEqualTo("whatsapp:" + customer[0]);
        assertThat(menu.at("/content/type").asString()).isEqualTo("twilio/quick-reply");
        assertThat(menu.at("/content/buttons").valueStream().map(b -> b.path("id").asString()).toList())
                .containsExactly("order_status", "find_part", "talk_to_agent");

        HttpResponse<String> tap = simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of("channel", "whatsapp",
                "phone", customer[0], "to", WHATSAPP_NUMBER, "buttonId", "order_status", "buttonText", "Check an order")));
        assertThat(tap.statusCode()).as(tap.body()).isEqualTo(200);
        JsonNode answer = until(Duration.ofSeconds(60), "the agent's answer to the button tap", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/customer/inbox?phone=" + enc(customer[0]), null).body())) {
                if (m.path("body").asString("").contains("order number")) {
                    return m;
                }
            }
            return null;
        });
        assertThat(answer.path("contentSid").isNull()).isTrue();
    }

    private HttpResponse<String> simulatorAuthorized(String path) throws Exception {
        return send(simulator.url() + path, "GET", null, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (StackEnvironment.ACCOUNT_SID + ":" + TwilioFixtures.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmailFromTheSimulatorBecomesAnEmailSessionWithItsSubject() throws Exception {
        String address = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.example.com";
        HttpResponse<String> added = admin("/admin/v1/orgs/default/numbers",
                json.writeValueAsString(Map.of("channel", "email", "address", address)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> issued = admin("/admin/v1/orgs/default/email-inbound-token", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = json.readTree(issued.body()).path("token").asString();

        String sender = "sam." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example.net";
        String subject = "Order 4711 " + UUID.randomUUID().toString().substring(0, 8);
        // the ingest accepts it once the gateway's tenant record with the address and the token's hash reached it
        until(Duration.ofSeconds(60), "the simulated e-mail to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/email", json.writeValueAsString(Map.of(
                    "from", "Sam Customer <" + sender + ">", "to", address, "subject", subject, "text", "Where is my order?",
                    "token", token)));
            return response.statusCode() == 200 ? response : null;
        });

        JsonNode row = until(Duration.ofSeconds(60), "the e-mail session through the gateway", () -> conversationOf(sender, "email"));
        JsonNode email = thread(row.path("sessionId").asString()).path("messages").path("items").get(0);
        assertThat(email.path("triggerChannel").asString()).isEqualTo("email");
        assertThat(email.path("body").asString()).isEqualTo("Where is my order?");
        assertThat(email.path("subject").asString()).isEqualTo(subject);
    }

    private HttpResponse<String> admin(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + ADMIN_KEY);
        request = body == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode conversationOf(String customer, String channel) throws Exception {
        HttpResponse<String> list = api("GET", "/api/v1/conversations?status=all&channel=" + channel, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode item : json.readTree(list.body()).path("items")) {
            if (customer.equals(item.path("customerAddress").asString().replace("whatsapp:", ""))) {
                return item;
            }
        }
        return null;
    }

    private JsonNode thread(String sessionId) throws Exception {
        HttpResponse<String> response = api("GET", "/api/v1/conversations/" + sessionId, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String randomNumber() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> simulator(String method, String path, String body) throws Exception {
        return send(simulator.url() + path, method, body, null);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(gateway.url() + path, method, body, "Bearer " + API_KEY);
    }

}
