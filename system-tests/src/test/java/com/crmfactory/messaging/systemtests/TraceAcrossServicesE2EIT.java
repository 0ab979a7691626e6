package com.crmfactory.messaging.systemtests;

import static com.crmfactory.messaging.systemtests.Probes.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 (observability): one trace from the customer's webhook to the Twilio send. A signed webhook
 * carrying a W3C {@code traceparent} of the test's own goes gateway → webhook-ingest → {@code messaging.inbound.v1}
 * → conversation (outbox) → {@code conversation.events.v1} → ai-agent (its debounced turn, on a timer thread)
 * → {@code agent.actions.v1} → conversation (outbox) → {@code messaging.outbound.requests.v1} → outbound → the
 * Twilio SDK's POST into the simulator. The Kafka records of every hop carry that trace id in their
 * {@code traceparent} headers (read with a plain consumer), and the ECS log lines of ingest, conversation and
 * outbound, including outbound's line of the Twilio send, carry it as {@code traceId}.
 */
class TraceAcrossServicesE2EIT {

    private static final String API_KEY = "omk_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final String CUSTOMER = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
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
        conversation = ServiceProcess.start("conversation-service", ecs(stack.withDatabase("e2e_trace_conversation")));
        Map<String, String> ingestEnv = ecs(stack.common());
        // its "Published ..." line (ids only) is at debug
        ingestEnv.put("LOGGING_LEVEL_COM_CRMFACTORY_MESSAGING_INGEST_INBOUND", "DEBUG");
        ingest = ServiceProcess.start("webhook-ingest-service", ingestEnv);
        agent = ServiceProcess.start("ai-agent-service", ecs(stack.withDatabase("e2e_trace_agent")));
        Map<String, String> gatewayEnv = ecs(stack.withDatabase("e2e_trace_gateway"));
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", API_KEY);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        gateway = ServiceProcess.start("gateway-service", gatewayEnv);
        simulator = ServiceProcess.startDevstackMain("twilio-simulator", "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gateway.url(), "SIMULATOR_CALLBACK_STEP_MS", "200"), "/health");
        Map<String, String> outboundEnv = ecs(stack.withDatabase("e2e_trace_outbound"));
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
    void oneTraceIdRunsFromTheWebhookThroughKafkaAndTheAgentsTurnToTheTwilioSend() throws Exception {
        String traceId = hex(32);
        String traceparent = "00-" + traceId + "-" + hex(16) + "-01";
        String messageSid = "SM" + hex(32);

        HttpResponse<String> webhook = postSignedWebhook(messageSid, traceparent);
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

        String sessionId = until(Duration.ofSeconds(60), "the conversation through the gateway", () -> {
            for (JsonNode item : json.readTree(api("GET", "/api/v1/conversations").body()).path("items")) {
                if (CUSTOMER.equals(item.path("customerAddress").asString())) {
                    return item.path("sessionId").asString();
                }
            }
            return null;
        });

        // the AI agent's answer is sent through Twilio: the simulator received the SDK's POST for the customer
        JsonNode onThePhone = until(Duration.ofSeconds(60), "the AI agent's answer on the simulated phone", () -> {
            JsonNode inbox = json.readTree(simulator("/sim/customer/inbox?phone=" + CUSTOMER.replace("+", "%2B")).body());
            return inbox.size() > 0 ? inbox.get(0) : null;
        });
        String sid = onThePhone.path("sid").asString();

        // (a) the Kafka records of every hop carry the trace id
        Map<String, List<ConsumerRecord<String, String>>> records = readTopics(List.of(Topics.INBOUND,
                Topics.CONVERSATION_EVENTS, Topics.AGENT_ACTIONS, Topics.OUTBOUND_REQUESTS));
        assertTraced(records.get(Topics.INBOUND), messageSid, traceId, "MessageReceived of the webhook");
        assertTraced(records.get(Topics.CONVERSATION_EVENTS), sessionId, traceId, "conversation events of the message");
        assertTraced(records.get(Topics.AGENT_ACTIONS), sessionId, traceId, "the agent's actions of its turn");
        assertTraced(records.get(Topics.OUTBOUND_REQUESTS), sessionId, traceId, "the outbound request of the AI's answer");

        // (b) so do the log lines of ingest, conversation and outbound, including outbound's line of the Twilio send
        String sendLine = until(Duration.ofSeconds(10), "outbound's log line of the Twilio send " + sid,
                () -> lines(outbound.log()).stream().filter(line -> line.contains("sent through Twilio as " + sid))
                        .findFirst().orElse(null));
        assertThat(sendLine).as("the send's trace id").contains("\"traceId\":\"" + traceId + "\"");
        assertThat(tracedLines(ingest.log(), traceId)).as("ingest's log lines of the webhook")
                .anySatisfy(line -> assertThat(line).contains("Published sms " + messageSid));
        assertThat(tracedLines(conversation.log(), traceId)).as("conversation's log lines of the message")
                .anySatisfy(line -> assertThat(line).contains("Recorded message " + messageSid));
    }

    private static void assertTraced(List<ConsumerRecord<String, String>> records, String about, String traceId, String what) {
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> r.value() != null && r.value().contains(about)).toList();
        assertThat(ours).as(what).isNotEmpty();
        assertThat(ours).as(what + ": traceparent headers " + ours.stream().map(TraceAcrossServicesE2EIT::traceparents).toList())
                .anySatisfy(record -> assertThat(traceparents(record)).isNotEmpty()
                        .allSatisfy(header -> assertThat(header).startsWith("00-" + traceId + "-")));
    }

    private static List<String> traceparents(ConsumerRecord<String, String> record) {
        return StreamSupport.stream(record.headers().headers("traceparent").spliterator(), false)
                .map(Header::value).map(value -> new String(value, StandardCharsets.UTF_8)).toList();
    }

    private static List<String> tracedLines(Path log, String traceId) throws Exception {
        return lines(log).stream().filter(line -> line.contains("\"traceId\":\"" + traceId + "\"")).toList();
    }

    private static List<String> lines(Path log) throws Exception {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** Every record of the topics, from the beginning (the broker is this test JVM's). */
    private static Map<String, List<ConsumerRecord<String, String>>> readTopics(List<String> topics) {
        Map<String, List<ConsumerRecord<String, String>>> byTopic = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                byTopic.put(topic, new ArrayList<>());
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> byTopic.get(record.topic()).add(record));
            }
        }
        return byTopic;
    }

    /** The ingest knows the org's number once the gateway's tenant record reached it: until then 404/503. */
    private HttpResponse<String> postSignedWebhook(String messageSid, String traceparent) throws Exception {
        String url = gateway.url() + "/api/v1/webhooks/telephony/sms";
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        params.replaceAll((key, value) -> value.equals("SM38da8f7ecda5180da870dd4d3a14c887") ? messageSid : value);
        params.put("From", CUSTOMER);
        params.put("Body", "Where is my order 4711?");
        String signature = TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, url, params);
        return until(Duration.ofSeconds(60), "the webhook to be accepted", () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .header("traceparent", traceparent)
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioFixtures.encode(params))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 404 || response.statusCode() == 503 ? null : response;
        });
    }

    private static String hex(int length) {
        String hex = "";
        while (hex.length() < length) {
            hex += UUID.randomUUID().toString().replace("-", "");
        }
        return hex.substring(0, length);
    }

    private HttpResponse<String> simulator(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.url() + path)).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).header("Authorization", "Bearer " + API_KEY)
                .timeout(Duration.ofSeconds(15)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
