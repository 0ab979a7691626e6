package com.crmfactory.messaging.systemtests;

import static com.crmfactory.messaging.systemtests.Probes.send;
import static com.crmfactory.messaging.systemtests.Probes.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery path end to end, every part in its own JVM on a real broker and PostgreSQL: a customer
 * message sent through the Twilio simulator's customer API (a signed webhook to the gateway) reaches a
 * conversation that the org reads through the gateway with its API key; an agent reply through the
 * gateway is sent by the outbound service through the Twilio SDK into the simulator and reaches the
 * simulated phone; the simulator's signed status callbacks (gateway → ingest → outbound → conversation)
 * make the thread show the reply {@code delivered}. The AI agent answers too. Then a corpus of personal
 * data (texts, numbers, e-mail addresses) goes the same way, and no service's log file (production's ECS
 * JSON, one in plain text) may hold any of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerToDeliveredE2EIT {

    private static final String API_KEY = "omk_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String CUSTOMER = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    /** as outbound-messaging-service's application.yml declares it */
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static ServiceProcess gateway;
    private static ServiceProcess ingest;
    private static ServiceProcess conversation;
    private static ServiceProcess outbound;
    private static ServiceProcess simulator;
    private static ServiceProcess agent;

    @BeforeAll
    static void startServices() throws Exception {
        StackEnvironment stack = new StackEnvironment();

        // every URL is known once a process is started (its port is chosen first), so all start together
        // production's log format (ECS JSON) everywhere but in conversation-service, which shows the plain one
        conversation = ServiceProcess.start("conversation-service",
                stack.withDatabase("e2e_conversation"));
        ingest = ServiceProcess.start("webhook-ingest-service", ecs(stack.common()));
        agent = ServiceProcess.start("ai-agent-service", ecs(stack.withDatabase("e2e_agent")));
        Map<String, String> gatewayEnv = ecs(stack.withDatabase("e2e_gateway"));
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", API_KEY);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        gateway = ServiceProcess.start("gateway-service", gatewayEnv);
        // the simulator plays Twilio: customers' webhooks and status callbacks go to the gateway, as in production
        simulator = ServiceProcess.startDevstackMain("twilio-simulator", "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gateway.url(), "SIMULATOR_CALLBACK_STEP_MS", "200"), "/health");
        Map<String, String> outboundEnv = ecs(stack.withDatabase("e2e_outbound"));
        outboundEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", gateway.url());
        outbound = ServiceProcess.start("outbound-messaging-service", outboundEnv);

        for (ServiceProcess process : new ServiceProcess[] {simulator, conversation, ingest, gateway, outbound, agent}) {
            process.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {gateway, outbound, ingest, conversation, simulator, agent}) {
            if (process != null) {
                process.close();
            }
        }
    }

    private static Map<String, String> ecs(Map<String, String> environment) {
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        return environment;
    }

    @Test
    @Order(1)
    void aCustomerMessageFromTheSimulatorGetsAReplyThatReachesThePhoneAndShowsDelivered() throws Exception {
        // the ingest knows the org's number once the gateway's tenant record reached it: until then the webhook is refused
        JsonNode sent = until(Duration.ofSeconds(60), "the simulated customer's webhook to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/send", "{\"channel\":\"sms\",\"phone\":\"" + CUSTOMER
                    + "\",\"to\":\"" + TwilioFixtures.BUSINESS_NUMBER + "\",\"body\":\"Where is my order 4711?\"}");
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        });
        assertThat(sent.path("ingestStatus").asInt()).isEqualTo(200);

        JsonNode row = until(Duration.ofSeconds(60), "the conversation through the gateway", () -> {
            HttpResponse<String> list = api("GET", "/api/v1/conversations", null);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            for (JsonNode item : json.readTree(list.body()).path("items")) {
                if (CUSTOMER.equals(item.path("customerAddress").asString())) {
                    return item;
                }
            }
            return null;
        });
        assertThat(row.path("channel").asString()).isEqualTo("sms");
        String sessionId = row.path("sessionId").asString();
        JsonNode first = thread(sessionId).path("messages").path("items").get(0);
        assertThat(first.path("body").asString()).isEqualTo("Where is my order 4711?");
        assertThat(first.path("author").asString()).isEqualTo("CUSTOMER");

        String text = "Order 4711 ships today. " + UUID.randomUUID();
        HttpResponse<String> reply = api("POST", "/api/v1/conversations/reply",
                "{\"sessionId\":\"" + sessionId + "\",\"message\":\"" + text + "\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);

        JsonNode onThePhone = until(Duration.ofSeconds(60), "the reply on the simulated phone", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/customer/inbox?phone=" + CUSTOMER.replace("+", "%2B"), null).body())) {
                if (text.equals(m.path("body").asString())) {
                    return m;
                }
            }
            return null;
        });
        assertThat(onThePhone.path("from").asString()).isEqualTo(TwilioFixtures.BUSINESS_NUMBER);
        assertThat(onThePhone.path("to").asString()).isEqualTo(CUSTOMER);

        JsonNode delivered = until(Duration.ofSeconds(60), "the reply shown delivered in the thread", () -> {
            for (JsonNode m : thread(sessionId).path("messages").path("items")) {
                if (text.equals(m.path("body").asString()) && "delivered".equals(m.path("deliveryStatus").asString())) {
                    return m;
                }
            }
            return null;
        });
        assertThat(delivered.path("providerMessageId").asString()).isEqualTo(onThePhone.path("sid").asString());
        int copies = 0;
        for (JsonNode m : json.readTree(simulator("GET", "/sim/customer/inbox?phone=" + CUSTOMER.replace("+", "%2B"), null).body())) {
            copies += text.equals(m.path("body").asString()) ? 1 : 0;
        }
        assertThat(copies).as("the reply reached the phone once").isEqualTo(1);
    }

    /**
     * Issue 8: customers' texts, numbers and e-mail addresses pass through every service (webhook,
     * Kafka events, the agent's turn, the inbox API, an agent's reply sent through Twilio) and none of
     * them may be written to a log. The simulator plays Twilio, outside the platform: its log is not scanned.
     */
    @Test
    @Order(2)
    void noLogFileOfAnyServiceHoldsTheCustomersTextsNumbersOrEmailAddresses() throws Exception {
        PersonalDataCorpus corpus = new PersonalDataCorpus();
        List<String> customers = new ArrayList<>();
        for (String opening : new String[] {"Hello there Ximena", "Grüße aus Köln", "Necesito ayuda urgente"}) {
            String customer = corpus.phone();
            String body = corpus.text(opening);
            HttpResponse<String> sent = simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of(
                    "channel", "sms", "phone", customer, "to", TwilioFixtures.BUSINESS_NUMBER, "body", body)));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            customers.add(customer);
        }
        List<String> sessions = new ArrayList<>();
        for (String customer : customers) {
            JsonNode row = until(Duration.ofSeconds(30), "the conversation of " + customer, () -> {
                for (JsonNode item : json.readTree(api("GET", "/api/v1/conversations", null).body()).path("items")) {
                    if (customer.equals(item.path("customerAddress").asString())) {
                        return item;
                    }
                }
                return null;
            });
            sessions.add(row.path("sessionId").asString());
        }
        // the agent has taken its turn on each: an AI message in the thread
        for (String sessionId : sessions) {
            until(Duration.ofSeconds(30), "the AI agent's answer in " + sessionId, () -> {
                for (JsonNode m : thread(sessionId).path("messages").path("items")) {
                    if (!"CUSTOMER".equals(m.path("author").asString())) {
                        return m;
                    }
                }
                return null;
            });
        }
        String reply = corpus.text("Estimada clienta Zoë");
        HttpResponse<String> sent = api("POST", "/api/v1/conversations/reply", json.writeValueAsString(
                Map.of("sessionId", sessions.get(0), "message", reply)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        until(Duration.ofSeconds(30), "the agent's reply delivered", () -> {
            for (JsonNode m : thread(sessions.get(0)).path("messages").path("items")) {
                if (reply.equals(m.path("body").asString()) && "delivered".equals(m.path("deliveryStatus").asString())) {
                    return m;
                }
            }
            return null;
        });
        Thread.sleep(1_000); // the last log lines of the delivery

        List<Path> logs = List.of(gateway.log(), ingest.log(), conversation.log(), agent.log(), outbound.log());
        assertThat(corpus.findIn(logs)).as("personal data in the services' logs").isEmpty();
        assertThat(Files.readString(gateway.log())).as("the gateway logs ECS JSON").contains("\"@timestamp\"");
    }

    private JsonNode thread(String sessionId) throws Exception {
        HttpResponse<String> response = api("GET", "/api/v1/conversations/" + sessionId, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> simulator(String method, String path, String body) throws Exception {
        return send(simulator.url() + path, method, body, null);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(gateway.url() + path, method, body, "Bearer " + API_KEY);
    }

}
