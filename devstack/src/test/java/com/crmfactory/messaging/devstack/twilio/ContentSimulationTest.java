package com.crmfactory.messaging.devstack.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's Content API checks requests as Twilio does, and a message sent with a Content SID reaches
 * the simulated phone as the content it names: its buttons or list items, its variables filled in.
 */
class ContentSimulationTest {

    static final String SID = "AC00000000000000000000000000000001";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Exactly what template-service's SDK call sends for the built-in welcome_menu (twilio-java 13.0.1 serialisation). */
    static final String WELCOME_MENU = """
            {"friendly_name":"welcome_menu_0123456789abcdef","variables":{},"language":"en","types":{"twilio/quick-reply":
            {"body":"Hi, thanks for reaching out! What can we help you with today?","actions":[
            {"type":"QUICK_REPLY","title":"Check an order","id":"order_status"},
            {"type":"QUICK_REPLY","title":"Find a part","id":"find_part"},
            {"type":"QUICK_REPLY","title":"Talk to a person","id":"talk_to_agent"}]}}}""";
    static final String PART_LIST = """
            {"friendly_name":"part_selection_list_0123456789abcdef","variables":{"query":"ball bearing","sku_1":"BRG-6201-2RS",
            "name_1":"Ball bearing 6201","detail_1":"$4.20"},"language":"en","types":{"twilio/list-picker":
            {"body":"We found these parts for \\"{{query}}\\".","button":"Choose a part","items":[
            {"id":"{{sku_1}}","item":"{{name_1}}","description":"{{detail_1}}"}]}}}""";

    static Path data;
    static TwilioSimulator sim;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("sim-content");
        sim = new TwilioSimulator(0, SID, TOKEN, "http://localhost:9", 50, data);
        base = "http://localhost:" + sim.port();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void createRequestsAreCheckedAsTwilioChecksThem() throws Exception {
        assertThat(create(WELCOME_MENU).statusCode()).isEqualTo(201);
        assertThat(create(PART_LIST).statusCode()).isEqualTo(201);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"types\":{\"twilio/text\":{\"body\":\"hi\"}}}", "language");
        refused.put("{\"language\":\"en\"}", "types");
        refused.put("{\"language\":\"en\",\"types\":{}}", "types");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/texts\":{\"body\":\"hi\"}}}", "twilio/texts");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/text\":{\"text\":\"hi\"}}}", "text");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/media\":{\"body\":\"hi\"}}}", "media");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/quick-reply\":{\"body\":\"hi\",\"actions\":[]}}}", "actions");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/quick-reply\":{\"body\":\"hi\",\"actions\":"
                + "[{\"type\":\"QUICK_REPLY\",\"title\":\"A title far longer than twenty\",\"id\":\"x\"}]}}}", "title");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/list-picker\":{\"body\":\"hi\",\"items\":"
                + "[{\"id\":\"a\",\"item\":\"A\"}]}}}", "button");
        refused.put("{\"language\":\"en\",\"types\":{\"twilio/list-picker\":{\"body\":\"hi\",\"button\":\"Pick\",\"items\":"
                + "[{\"id\":\"a\",\"item\":\"An item name over 24 chars\"}]}}}", "item");
        refused.put("{\"language\":\"en\",\"variables\":{\"name\":\"\"},\"types\":{\"twilio/text\":{\"body\":\"{{name}}\"}}}", "variables.name");
        refused.put("{\"language\":\"en\",\"variables\":{\"name\":7},\"types\":{\"twilio/text\":{\"body\":\"{{name}}\"}}}", "variables.name");
        for (Map.Entry<String, String> request : refused.entrySet()) {
            HttpResponse<String> answer = create(request.getKey());
            assertThat(answer.statusCode()).as(request.getKey()).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.get("code").asInt()).isEqualTo(20001);
            assertThat(error.get("message").asString()).as(request.getKey()).contains(request.getValue());
        }
    }

    @Test
    void approvalRequestsNeedANameACategoryAndAnApprovableContentOnce() throws Exception {
        String menu = sidOf(create(WELCOME_MENU));
        String list = sidOf(create(PART_LIST));
        assertThat(submit(menu, "{\"category\":\"UTILITY\"}").statusCode()).isEqualTo(400);
        assertThat(submit(menu, "{\"name\":\"Welcome Menu\",\"category\":\"UTILITY\"}").statusCode()).isEqualTo(400);
        assertThat(submit(menu, "{\"name\":\"welcome_menu_x\",\"category\":\"SERVICE\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> listPicker = submit(list, "{\"name\":\"part_selection_list_x\",\"category\":\"UTILITY\"}");
        assertThat(listPicker.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(listPicker.body()).get("message").asString()).contains("in-session only");

        HttpResponse<String> approved = submit(menu, "{\"name\":\"welcome_menu_x\",\"category\":\"UTILITY\"}");
        assertThat(approved.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(approved.body()).get("status").asString()).isEqualTo("approved");
        assertThat(JSON.readTree(approved.body()).get("content_type").asString()).isEqualTo("twilio/quick-reply");
        assertThat(submit(menu, "{\"name\":\"welcome_menu_x\",\"category\":\"UTILITY\"}").statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(get("/v1/Content/" + list + "/ApprovalRequests").body()).at("/whatsapp/status").asString())
                .isEqualTo("unsubmitted");
    }

    @Test
    void theListIsPagedLikeTwilios() throws Exception {
        for (int i = 0; i < 3; i++) {
            create(WELCOME_MENU);
        }
        JsonNode first = JSON.readTree(get("/v1/Content?PageSize=2").body());
        assertThat(first.get("contents")).hasSize(2);
        String next = first.at("/meta/next_page_url").asString();
        assertThat(next).startsWith("https://content.twilio.com/v1/Content?PageSize=2&Page=1");
        JsonNode second = JSON.readTree(get("/v1/Content?PageSize=2&Page=1").body());
        assertThat(second.at("/meta/previous_page_url").asString()).endsWith("Page=0");
        assertThat(second.get("contents").get(0).get("sid").asString()).isNotEqualTo(first.get("contents").get(0).get("sid").asString());
    }

    @Test
    void aContentSendShowsItsButtonsAndListItemsWithTheVariablesFilledIn() throws Exception {
        String menu = sidOf(create(WELCOME_MENU));
        String list = sidOf(create(PART_LIST));
        String phone = "+15555550177";
        HttpResponse<String> sent = send(Map.of("To", "whatsapp:" + phone, "From", "whatsapp:+14155238886", "ContentSid", menu));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(JSON.readTree(sent.body()).get("body").asString()).startsWith("Hi, thanks for reaching out!");
        send(Map.of("To", "whatsapp:" + phone, "From", "whatsapp:+14155238886", "ContentSid", list,
                "ContentVariables", "{\"query\":\"hex bolt\",\"sku_1\":\"BLT-M8X30\",\"name_1\":\"Hex bolt M8x30\"}"));

        JsonNode inbox = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sim/customer/inbox?phone="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode welcome = inbox.get(0).get("content");
        assertThat(welcome.get("type").asString()).isEqualTo("twilio/quick-reply");
        assertThat(welcome.get("buttons").valueStream().map(b -> b.get("id").asString() + "=" + b.get("title").asString()).toList())
                .containsExactly("order_status=Check an order", "find_part=Find a part", "talk_to_agent=Talk to a person");
        JsonNode parts = inbox.get(1).get("content");
        assertThat(parts.get("body").asString()).isEqualTo("We found these parts for \"hex bolt\".");
        assertThat(parts.get("button").asString()).isEqualTo("Choose a part");
        JsonNode item = parts.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo("BLT-M8X30");
        assertThat(item.get("item").asString()).isEqualTo("Hex bolt M8x30");
        assertThat(item.get("description").asString()).isEqualTo("$4.20"); // not sent: the content's sample
    }

    @Test
    void contentsSurviveARestartWithADataDirectory() throws Exception {
        String menu = sidOf(create(WELCOME_MENU));
        submit(menu, "{\"name\":\"welcome_menu_restart\",\"category\":\"UTILITY\"}");
        try (TwilioSimulator restarted = new TwilioSimulator(0, SID, TOKEN, "http://localhost:9", 50, data)) {
            String other = "http://localhost:" + restarted.port();
            HttpResponse<String> fetched = HTTP.send(auth(HttpRequest.newBuilder(URI.create(other + "/v1/Content/" + menu)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fetched.statusCode()).isEqualTo(200);
            HttpResponse<String> approval = HTTP.send(auth(HttpRequest.newBuilder(URI.create(other + "/v1/Content/" + menu
                    + "/ApprovalRequests"))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(approval.body()).at("/whatsapp/status").asString()).isEqualTo("approved");
        }
    }

    private static HttpResponse<String> create(String body) throws Exception {
        return HTTP.send(auth(HttpRequest.newBuilder(URI.create(base + "/v1/Content"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> submit(String sid, String body) throws Exception {
        return HTTP.send(auth(HttpRequest.newBuilder(URI.create(base + "/v1/Content/" + sid + "/ApprovalRequests/whatsapp")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(auth(HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + SID + "/Messages.json")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(auth(HttpRequest.newBuilder(URI.create(base + path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sidOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("sid").asString();
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder builder) {
        return builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    }
}
