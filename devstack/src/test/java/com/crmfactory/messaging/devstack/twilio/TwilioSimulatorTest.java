package com.crmfactory.messaging.devstack.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.devstack.webhook.TwilioSignature;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator against Twilio's own OpenAPI specs (copied into test resources with Twilio's LICENSE):
 * the parameters we send exist in the spec, required ones are enforced, every response field is a
 * documented property of the documented type; plus signed callbacks, failure rules and the customer side.
 */
class TwilioSimulatorTest {

    static final String SID = "AC00000000000000000000000000000001";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final BlockingQueue<Map<String, String>> RECEIVED = new LinkedBlockingQueue<>();

    static JsonNode api;
    static JsonNode content;
    static HttpServer ingest;
    static TwilioSimulator sim;
    static String base;
    static String hook;

    @BeforeAll
    static void start() throws Exception {
        api = load("/twilio/openapi/twilio_api_v2010.json");
        content = load("/twilio/openapi/twilio_content_v1.json");
        ingest = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        ingest.createContext("/", ex -> {
            String url = "http://localhost:" + ingest.getAddress().getPort() + ex.getRequestURI();
            Map<String, String> params = new LinkedHashMap<>();
            SimHttp.form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .forEach((k, v) -> params.put(k, v.get(0)));
            boolean valid = TwilioSignature.sign(TOKEN, url, params).equals(ex.getRequestHeaders().getFirst("X-Twilio-Signature"));
            params.put("_path", ex.getRequestURI().toString());
            params.put("_valid", String.valueOf(valid));
            RECEIVED.add(params);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        ingest.start();
        hook = "http://localhost:" + ingest.getAddress().getPort();
        sim = new TwilioSimulator(0, SID, TOKEN, hook, 50);
        base = "http://localhost:" + sim.port();
    }

    @AfterAll
    static void stop() {
        sim.close();
        ingest.stop(0);
    }

    @Test
    void createListAndFetchMatchTheMessagesSpec() throws Exception {
        Map<String, String> params = Map.of("To", "+15555550123", "From", "+15005550006", "Body", "hi",
                "StatusCallback", hook + "/api/v1/webhooks/telephony/status?requestId=r-1");
        JsonNode requestSchema = api.at("/paths/~12010-04-01~1Accounts~1{AccountSid}~1Messages.json/post/requestBody/content/application~1x-www-form-urlencoded/schema");
        assertThat(fieldNames(requestSchema.get("properties"))).containsAll(params.keySet());
        assertThat(requestSchema.get("required").toString()).contains("To");

        HttpResponse<String> created = post("/2010-04-01/Accounts/" + SID + "/Messages.json", params);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode message = JSON.readTree(created.body());
        conforms(message, api.at("/components/schemas/api.v2010.account.message"), api);
        assertThat(message.get("sid").asString()).matches("^(SM|MM)[0-9a-fA-F]{32}$");
        assertThat(message.get("date_created").asString()).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} .*\\+0000|.*GMT");

        HttpResponse<String> list = get("/2010-04-01/Accounts/" + SID + "/Messages.json?To=%2B15555550123&PageSize=20");
        JsonNode listSchema = api.at("/paths/~12010-04-01~1Accounts~1{AccountSid}~1Messages.json/get/responses/200/content/application~1json/schema");
        assertThat(fieldNames(listSchema.get("properties"))).containsAll(fieldNames(JSON.readTree(list.body())));
        List<String> listParams = api.at("/paths/~12010-04-01~1Accounts~1{AccountSid}~1Messages.json/get/parameters")
                .valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(listParams).contains("To", "From", "PageSize");
        for (JsonNode m : JSON.readTree(list.body()).get("messages")) {
            conforms(m, api.at("/components/schemas/api.v2010.account.message"), api);
        }
        HttpResponse<String> fetched = get("/2010-04-01/Accounts/" + SID + "/Messages/" + message.get("sid").asString() + ".json");
        conforms(JSON.readTree(fetched.body()), api.at("/components/schemas/api.v2010.account.message"), api);
    }

    @Test
    void errorsHaveTwilioShapeAndAuthIsRequired() throws Exception {
        HttpResponse<String> noTo = post("/2010-04-01/Accounts/" + SID + "/Messages.json", Map.of("From", "+15005550006", "Body", "x"));
        assertThat(noTo.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(noTo.body());
        assertThat(error.get("code").isInt()).isTrue();
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("message").isString()).isTrue();
        assertThat(error.get("more_info").asString()).startsWith("https://www.twilio.com/docs/errors/");

        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + SID + "/Messages.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).get("code").asInt()).isEqualTo(20003);
    }

    @Test
    void contentApiMatchesTheContentSpec() throws Exception {
        String body = "{\"friendly_name\":\"menu\",\"language\":\"en\",\"variables\":{},\"types\":{\"twilio/quick-reply\":"
                + "{\"body\":\"Pick\",\"actions\":[{\"title\":\"Yes\",\"id\":\"yes\"}]}}}";
        JsonNode createSchema = content.at("/paths/~1v1~1Content/post/requestBody/content/application~1json/schema");
        JsonNode resolved = createSchema.has("$ref") ? ref(content, createSchema.get("$ref").asString()) : createSchema;
        assertThat(fieldNames(resolved.get("properties"))).containsAll(fieldNames(JSON.readTree(body)));
        HttpResponse<String> created = HTTP.send(authorized(HttpRequest.newBuilder(URI.create(base + "/v1/Content")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        conforms(c, content.at("/components/schemas/content.v1.content"), content);
        String sid = c.get("sid").asString();
        assertThat(sid).matches("^HX[0-9a-fA-F]{32}$");

        HttpResponse<String> approval = HTTP.send(authorized(HttpRequest.newBuilder(URI.create(base + "/v1/Content/" + sid + "/ApprovalRequests/whatsapp")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"menu_one\",\"category\":\"UTILITY\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approval.statusCode()).isEqualTo(201);
        HttpResponse<String> fetched = get("/v1/Content/" + sid + "/ApprovalRequests");
        JsonNode approvals = JSON.readTree(fetched.body());
        assertThat(approvals.at("/whatsapp/status").asString()).isEqualTo("approved");
        assertThat(fieldNames(content.at("/components/schemas/content.v1.content.approval_fetch/properties")))
                .containsAll(fieldNames(approvals));
    }

    @Test
    void twilioTplSidsFromTheEnvironmentAreApprovedContents() throws Exception {
        String sid = "HX0123456789abcdef0123456789abcdef";
        assertThat(sim.approveTemplateSids(Map.of("TWILIO_TPL_WELCOME_MENU", sid, "PATH", "/usr/bin", "TWILIO_TPL_EMPTY", "")))
                .containsExactly(sid);
        assertThat(get("/v1/Content/" + sid).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/v1/Content/" + sid + "/ApprovalRequests").body()).at("/whatsapp/status").asString())
                .isEqualTo("approved");
    }

    @Test
    void statusCallbacksAreSignedAndMoveQueuedSentDeliveredReadOnWhatsapp() throws Exception {
        RECEIVED.clear();
        String cb = hook + "/api/v1/webhooks/telephony/status?requestId=r-2";
        post("/2010-04-01/Accounts/" + SID + "/Messages.json", Map.of("To", "whatsapp:+15555550199",
                "From", "whatsapp:+14155238886", "Body", "hello", "StatusCallback", cb));
        List<Map<String, String>> got = take(3, "whatsapp:+15555550199");
        assertThat(got).extracting(m -> m.get("MessageStatus")).containsExactly("sent", "delivered", "read");
        assertThat(got).allMatch(m -> m.get("_valid").equals("true") && m.get("_path").endsWith("requestId=r-2"));
    }

    @Test
    void failureRulesAndOutOfOrderCallbacks() throws Exception {
        RECEIVED.clear();
        String to = "whatsapp:+15555550177";
        sim.rules.add(to, FailureRules.Kind.WINDOW, 1, 0);
        String cb = hook + "/status";
        post("/2010-04-01/Accounts/" + SID + "/Messages.json", Map.of("To", to, "From", "whatsapp:+14155238886", "Body", "late", "StatusCallback", cb));
        Map<String, String> failed = take(1, to).get(0);
        assertThat(failed.get("MessageStatus")).isEqualTo("failed");
        assertThat(failed.get("ErrorCode")).isEqualTo("63016");

        sim.rules.add("+15555550166", FailureRules.Kind.TOO_MANY_REQUESTS, 1, 0);
        HttpResponse<String> limited = post("/2010-04-01/Accounts/" + SID + "/Messages.json", Map.of("To", "+15555550166", "From", "+15005550006", "Body", "x"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(JSON.readTree(limited.body()).get("code").asInt()).isEqualTo(20429);

        sim.rules.add("+15555550155", FailureRules.Kind.OPTED_OUT, 1, 0);
        assertThat(JSON.readTree(post("/2010-04-01/Accounts/" + SID + "/Messages.json",
                Map.of("To", "+15555550155", "From", "+15005550006", "Body", "x")).body()).get("code").asInt()).isEqualTo(21610);

        RECEIVED.clear();
        sim.callbacks.outOfOrder = true;
        post("/2010-04-01/Accounts/" + SID + "/Messages.json", Map.of("To", "+15555550144", "From", "+15005550006", "Body", "x", "StatusCallback", cb));
        assertThat(take(2, "+15555550144")).extracting(m -> m.get("MessageStatus")).containsExactly("delivered", "sent");
        sim.callbacks.outOfOrder = false;
    }

    @Test
    void theCustomerSendsSignedWebhooksAndSeesReplies() throws Exception {
        RECEIVED.clear();
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sim/customer/send"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"whatsapp\",\"phone\":\"+15555550123\",\"buttonId\":\"order\",\"buttonText\":\"Order status\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        Map<String, String> webhook = take(1, "whatsapp:+15555550123").get(0);
        assertThat(webhook.get("_path")).isEqualTo("/api/v1/webhooks/telephony/sms");
        assertThat(webhook.get("_valid")).isEqualTo("true");
        assertThat(webhook).containsEntry("From", "whatsapp:+15555550123").containsEntry("ButtonPayload", "order")
                .containsEntry("Body", "Order status").containsEntry("WaId", "15555550123");

        post("/2010-04-01/Accounts/" + SID + "/Messages.json", Map.of("To", "whatsapp:+15555550123", "From", "whatsapp:+14155238886", "Body", "Your order shipped"));
        JsonNode inbox = JSON.readTree(get("/sim/customer/inbox?phone=%2B15555550123").body());
        assertThat(inbox.valueStream().map(m -> m.get("body").asString()).toList()).contains("Your order shipped");
        assertThat(get("/").body()).contains("Customer phone");
    }

    // ---------------------------------------------------------------------------------------------

    /** Every field is a documented property and has the documented type (null only where nullable). */
    static void conforms(JsonNode value, JsonNode schema, JsonNode spec) {
        JsonNode properties = schema.get("properties");
        for (String field : fieldNames(value)) {
            assertThat(properties.has(field)).as("field %s is in the spec", field).isTrue();
            JsonNode property = properties.get(field);
            if (property.has("$ref")) {
                property = ref(spec, property.get("$ref").asString());
            }
            JsonNode v = value.get(field);
            if (v.isNull()) {
                assertThat(property.path("nullable").asBoolean(false)).as("%s may be null", field).isTrue();
                continue;
            }
            String type = property.path("type").asString("");
            switch (type) {
                case "string" -> assertThat(v.isString()).as("%s is a string", field).isTrue();
                case "integer" -> assertThat(v.isIntegralNumber()).as("%s is an integer", field).isTrue();
                case "object" -> assertThat(v.isObject()).as("%s is an object", field).isTrue();
                case "boolean" -> assertThat(v.isBoolean()).as("%s is a boolean", field).isTrue();
                default -> { }
            }
            if (property.has("enum")) {
                assertThat(property.get("enum").valueStream().map(JsonNode::asString).toList()).as("%s enum", field)
                        .contains(v.asString());
            }
        }
    }

    static JsonNode ref(JsonNode spec, String ref) {
        return spec.at(ref.substring(1).replace("~", "~0").replace("/components/schemas/", "/components/schemas/"));
    }

    static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }

    static JsonNode load(String path) throws Exception {
        try (InputStream in = TwilioSimulatorTest.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    /**
     * The next n requests that concern this number (as {@code To} or {@code From}); others are skipped, since a
     * late callback of an earlier test may still arrive after that test's {@code RECEIVED.clear()}.
     */
    static List<Map<String, String>> take(int n, String number) throws InterruptedException {
        List<Map<String, String>> got = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got.size() < n) {
            Map<String, String> m = RECEIVED.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(m).as("callback %d for %s arrived", got.size() + 1, number).isNotNull();
            if (number.equals(m.get("To")) || number.equals(m.get("From"))) {
                got.add(m);
            }
        }
        return got;
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(URI.create(base + path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
