package com.crmfactory.messaging.systemtests;

import static com.crmfactory.messaging.systemtests.Probes.send;
import static com.crmfactory.messaging.systemtests.Probes.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automations end to end, every part in its own JVM on a real broker and PostgreSQL (one stack for both):
 * <ol>
 * <li>an enabled {@code channel_message_received} [whatsapp] automation whose action is {@code channel_notify}
 * {@code originating}: a WhatsApp message from the Twilio simulator's customer makes the automation's message reach
 * the simulated phone exactly once;</li>
 * <li>the demo ERP moves an order to {@code shipped} ({@code POST /api/v1/orders/{n}/status}), posts the signed
 * order-status webhook to the gateway (→ ingest → {@code erp.order-status.v1} → automation-service), and the
 * customer reads "Your order SO-… is shipped" on the channel they last wrote on (WhatsApp).</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutomationE2EIT {

    private static final String API_KEY = "omk_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String ERP_MASTER = "e2e-erp-master-" + UUID.randomUUID();
    /** the org the gateway creates on its empty database (platform.bootstrap.org-id) */
    private static final String ORG = "default";
    /** a demo ERP customer: its seeded order SO-100002 is "processing" (DemoOrders) */
    private static final String ORDER_CUSTOMER = "+15550100002";
    private static final String ORDER = "SO-100002";
    private static final JsonMapper json = JsonMapper.builder().build();

    private static ServiceProcess gateway;
    private static ServiceProcess ingest;
    private static ServiceProcess conversation;
    private static ServiceProcess outbound;
    private static ServiceProcess automation;
    private static ServiceProcess simulator;
    private static ServiceProcess erp;

    @BeforeAll
    static void startServices() throws Exception {
        StackEnvironment stack = new StackEnvironment();
        conversation = ServiceProcess.start("conversation-service", stack.withDatabase("e2e_auto_conversation"));
        automation = ServiceProcess.start("automation-service", stack.withDatabase("e2e_auto_automation"));
        Map<String, String> ingestEnv = stack.common();
        ingestEnv.put("PLATFORM_ERP_WEBHOOK_SECRET", ERP_MASTER);
        ingest = ServiceProcess.start("webhook-ingest-service", ingestEnv);
        Map<String, String> gatewayEnv = stack.withDatabase("e2e_auto_gateway");
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", API_KEY);
        // the default org gets the business number on WhatsApp too
        gatewayEnv.put("PLATFORM_TWILIO_WHATSAPP_NUMBER", TwilioFixtures.BUSINESS_NUMBER);
        gatewayEnv.put("PLATFORM_ERP_WEBHOOK_SECRET", ERP_MASTER);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        gatewayEnv.put("SERVICES_AUTOMATION_URL", automation.url());
        gateway = ServiceProcess.start("gateway-service", gatewayEnv);
        simulator = ServiceProcess.startDevstackMain("twilio-simulator", "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gateway.url(), "SIMULATOR_CALLBACK_STEP_MS", "200"), "/health");
        // the demo ERP signs with the org's secret as the gateway's admin API would show it
        erp = ServiceProcess.startDevstackMain("demo-erp", "com.crmfactory.messaging.devstack.erp.DemoErp",
                Map.of("DEMO_ERP_WEBHOOK_URL", gateway.url() + "/api/v1/webhooks/erp/order-status",
                        "DEMO_ERP_WEBHOOK_ORG_ID", ORG, "DEMO_ERP_WEBHOOK_SECRET", orgSecret(ERP_MASTER, ORG)), "/health");
        Map<String, String> outboundEnv = stack.withDatabase("e2e_auto_outbound");
        outboundEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", gateway.url());
        outbound = ServiceProcess.start("outbound-messaging-service", outboundEnv);

        for (ServiceProcess process : new ServiceProcess[] {simulator, erp, conversation, automation, ingest, gateway, outbound}) {
            process.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {gateway, outbound, automation, ingest, conversation, simulator, erp}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    @Order(1)
    void aWhatsAppMessageTriggersChannelNotifyOriginatingThatReachesThePhoneOnce() throws Exception {
        String customer = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
        String ack = "Thanks for your WhatsApp message, we are on it. " + UUID.randomUUID();
        HttpResponse<String> created = api("POST", "/api/v1/automations", json.writeValueAsString(Map.of(
                "name", "WhatsApp acknowledgement", "enabled", true,
                "trigger", Map.of("type", "channel_message_received", "channels", new String[] {"whatsapp"}),
                "conditions", new Object[0],
                "actions", new Object[] {Map.of("type", "channel_notify", "channel", "originating", "body", ack)})));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        sendAsCustomer(customer, "Hello, is anybody there?");

        JsonNode onThePhone = until(Duration.ofSeconds(60), "the automation's message on the simulated phone",
                () -> copiesOn(customer, ack) > 0 ? inboxMessage(customer, ack) : null);
        assertThat(onThePhone.path("to").asString()).isEqualTo("whatsapp:" + customer);
        // a redelivered trigger or the automation's own message must not send it again: give a second copy time to arrive
        Thread.sleep(3_000);
        assertThat(copiesOn(customer, ack)).as("the automation's message reached the phone once").isEqualTo(1);

        String automationId = json.readTree(created.body()).path("id").asString();
        JsonNode runs = until(Duration.ofSeconds(30), "the run in the automation's history", () -> {
            JsonNode page = json.readTree(api("GET", "/api/v1/automations/" + automationId + "/runs", null).body());
            return page.path("items").size() > 0 && "succeeded".equals(page.path("items").get(0).path("status").asString()) ? page : null;
        });
        assertThat(runs.path("items").size()).as("one run").isEqualTo(1);
        assertThat(api("POST", "/api/v1/automations/" + automationId + "/disable", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aDemoErpStatusChangeReachesTheCustomerOnTheirLastChannel() throws Exception {
        HttpResponse<String> created = api("POST", "/api/v1/automations", json.writeValueAsString(Map.of(
                "name", "Tell the customer when the order ships", "enabled", true,
                "trigger", Map.of("type", "order_status_changed", "statuses", new String[] {"shipped"}),
                "conditions", new Object[0],
                "actions", new Object[] {Map.of("type", "channel_notify", "channel", "originating",
                        "body", "Your order {{order_number}} is {{status}}")})));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // the customer last wrote on WhatsApp
        sendAsCustomer(ORDER_CUSTOMER, "Any news about my order?");
        until(Duration.ofSeconds(60), "the customer's conversation", () -> {
            for (JsonNode item : json.readTree(api("GET", "/api/v1/conversations", null).body()).path("items")) {
                if (ORDER_CUSTOMER.equals(item.path("customerAddress").asString().replace("whatsapp:", ""))) {
                    return item;
                }
            }
            return null;
        });

        HttpResponse<String> moved = send(erp.url() + "/api/v1/orders/" + ORDER + "/status", "POST", "{\"status\":\"shipped\"}", null);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json.readTree(moved.body()).path("webhook").path("status").asInt()).as(moved.body()).isEqualTo(202);

        String expected = "Your order " + ORDER + " is shipped";
        JsonNode onThePhone = until(Duration.ofSeconds(60), "\"" + expected + "\" on the simulated phone",
                () -> copiesOn(ORDER_CUSTOMER, expected) > 0 ? inboxMessage(ORDER_CUSTOMER, expected) : null);
        assertThat(onThePhone.path("to").asString()).as("on the channel the customer last wrote on").isEqualTo("whatsapp:" + ORDER_CUSTOMER);
        Thread.sleep(2_000);
        assertThat(copiesOn(ORDER_CUSTOMER, expected)).isEqualTo(1);
    }

    private static void sendAsCustomer(String phone, String body) throws Exception {
        // the ingest knows the org's WhatsApp number once the gateway's tenant record reached it
        JsonNode sent = until(Duration.ofSeconds(60), "the simulated customer's WhatsApp webhook to be accepted", () -> {
            HttpResponse<String> response = send(simulator.url() + "/sim/customer/send", "POST", json.writeValueAsString(Map.of(
                    "channel", "whatsapp", "phone", phone, "to", TwilioFixtures.BUSINESS_NUMBER, "body", body)), null);
            return response.statusCode() == 200 && json.readTree(response.body()).path("ingestStatus").asInt() == 200
                    ? json.readTree(response.body()) : null;
        });
        assertThat(sent.path("ingestStatus").asInt()).isEqualTo(200);
    }

    private static long copiesOn(String phone, String body) throws Exception {
        long copies = 0;
        for (JsonNode m : inbox(phone)) {
            copies += body.equals(m.path("body").asString()) ? 1 : 0;
        }
        return copies;
    }

    private static JsonNode inboxMessage(String phone, String body) throws Exception {
        for (JsonNode m : inbox(phone)) {
            if (body.equals(m.path("body").asString())) {
                return m;
            }
        }
        return null;
    }

    private static JsonNode inbox(String phone) throws Exception {
        return json.readTree(send(simulator.url() + "/sim/customer/inbox?phone=" + phone.replace("+", "%2B"), "GET", null, null).body());
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(gateway.url() + path, method, body, "Bearer " + API_KEY);
    }

    /** The ERP webhook recipe (service-support's ErpWebhookSecret, not on this module's classpath). */
    private static String orgSecret(String master, String orgId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(("erp-webhook:" + orgId).getBytes(StandardCharsets.UTF_8)));
    }
}
