package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The issue-8 attack (`/admin;x/v1/orgs/default/api-keys` answered a working key; `/%61dmin/v1/orgs` listed
 * every org) and its relatives: a corpus of path spellings, written raw on the wire, against every protected
 * route, GET and POST, without credentials and with the wrong kind of credential. None may succeed, none may
 * reach a service, and the database holds no new org, key or number afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=" + PathConfusionIT.ADMIN_KEY,
        "platform.bootstrap.api-key=" + PathConfusionIT.ORG_KEY,
        "platform.gateway.rate-limit.requests-per-second=100000",
        "platform.gateway.rate-limit.burst=100000"})
@RealInfrastructure
class PathConfusionIT {

    static final String ADMIN_KEY = "path-it-admin-key-0123456789abcdef";
    static final String ORG_KEY = "path-it-default-org-key-0123456789abcdef";
    static final EchoServer services = EchoServer.start();

    /** Every protected route: the admin API's resources and each /api/v1 service. */
    static final List<String> ADMIN_ROUTES = List.of("/admin/v1/orgs", "/admin/v1/orgs/default",
            "/admin/v1/orgs/default/numbers", "/admin/v1/orgs/default/api-keys");
    static final List<String> API_ROUTES = List.of("/api/v1/conversations", "/api/v1/conversations/reply",
            "/api/v1/contacts", "/api/v1/message-templates", "/api/v1/automations", "/api/v1/agent/status",
            "/api/v1/messages");

    /** A body every admin POST would accept: an org, a number, a key. */
    static final String BODY = "{\"name\":\"pwned\",\"id\":\"pwned\",\"channel\":\"sms\",\"address\":\"+15555550142\"}";

    /** How a spelling must be answered. */
    enum Expect {
        /** the firewall: 400 problem+json */
        FIREWALL,
        /** the HTTP server cannot even parse the request line (400, or the connection closes) */
        UNPARSEABLE,
        /** a canonical path, just not the protected one's spelling: refused by the security rules */
        DENIED
    }

    record Spelling(String name, Expect expect, UnaryOperator<String> spell) {
    }

    /** At least 40 spellings; {@code p} is the protected path, e.g. {@code /admin/v1/orgs}. */
    static final List<Spelling> CORPUS = List.of(
            new Spelling(";x after the first segment", Expect.FIREWALL, p -> insertAfterFirstSegment(p, ";x")),
            new Spelling(";x at the end", Expect.FIREWALL, p -> p + ";x"),
            new Spelling(";x after v1", Expect.FIREWALL, p -> p.replaceFirst("/v1", "/v1;x")),
            new Spelling(";jsessionid in every segment", Expect.FIREWALL, p -> p.replace("/", ";a=b/").substring(5)),
            new Spelling("%3b (encoded ;)", Expect.FIREWALL, p -> insertAfterFirstSegment(p, "%3bx")),
            new Spelling("%61 for the first letter", Expect.FIREWALL, p -> "/%" + hex(p.charAt(1)) + p.substring(2)),
            new Spelling("every letter of the first segment encoded", Expect.FIREWALL, PathConfusionIT::encodeFirstSegment),
            new Spelling("%2f for the second /", Expect.FIREWALL, p -> replaceSlash(p, 2, "%2f")),
            new Spelling("%2F for the second /", Expect.FIREWALL, p -> replaceSlash(p, 2, "%2F")),
            new Spelling("%2f%2f prefix", Expect.FIREWALL, p -> "/%2f%2f" + p.substring(1)),
            new Spelling("%2e%2e traversal", Expect.FIREWALL, p -> "/x/%2e%2e" + p),
            new Spelling("%2E%2E traversal", Expect.FIREWALL, p -> "/x/%2E%2E" + p),
            new Spelling(".%2e traversal", Expect.FIREWALL, p -> "/x/.%2e" + p),
            new Spelling("%2e segment", Expect.FIREWALL, p -> p.replaceFirst("/v1", "/%2e/v1")),
            new Spelling("%252f (double-encoded /)", Expect.FIREWALL, p -> replaceSlash(p, 2, "%252f")),
            new Spelling("%25 at the end", Expect.FIREWALL, p -> p + "%25"),
            new Spelling("%5c for the second /", Expect.FIREWALL, p -> replaceSlash(p, 2, "%5c")),
            new Spelling("%5C for the second /", Expect.FIREWALL, p -> replaceSlash(p, 2, "%5C")),
            new Spelling("%00 at the end", Expect.FIREWALL, p -> p + "%00"),
            new Spelling("%00 in the first segment", Expect.FIREWALL, p -> insertAfterFirstSegment(p, "%00")),
            new Spelling("%0d%0a at the end", Expect.FIREWALL, p -> p + "%0d%0a"),
            new Spelling("%20 in the first segment", Expect.FIREWALL, p -> insertAfterFirstSegment(p, "%20")),
            new Spelling("%09 (encoded tab)", Expect.FIREWALL, p -> insertAfterFirstSegment(p, "%09")),
            new Spelling("%c0%af (overlong /)", Expect.FIREWALL, p -> replaceSlash(p, 2, "%c0%af")),
            new Spelling("%u002f (IIS)", Expect.UNPARSEABLE, p -> replaceSlash(p, 2, "%u002f")),
            new Spelling("// prefix", Expect.FIREWALL, p -> "/" + p),
            new Spelling("// in the middle", Expect.FIREWALL, p -> replaceSlash(p, 2, "//")),
            new Spelling("// at the end", Expect.FIREWALL, p -> p + "//"),
            new Spelling("/./ prefix", Expect.FIREWALL, p -> "/." + p),
            new Spelling("/./ in the middle", Expect.FIREWALL, p -> p.replaceFirst("/v1", "/./v1")),
            new Spelling("/. at the end", Expect.FIREWALL, p -> p + "/."),
            new Spelling("/../ from elsewhere", Expect.FIREWALL, p -> "/x/.." + p),
            new Spelling("/v1/../v1/", Expect.FIREWALL, p -> p.replaceFirst("/v1", "/v1/../v1")),
            new Spelling("/.. at the end", Expect.FIREWALL, p -> p + "/x/.."),
            new Spelling("through the webhooks prefix", Expect.FIREWALL, p -> "/api/v1/webhooks/../../.." + p),
            new Spelling("through the webhooks prefix, encoded", Expect.FIREWALL, p -> "/api/v1/webhooks/%2e%2e/%2e%2e/%2e%2e" + p),
            new Spelling("through the webhooks prefix with ;", Expect.FIREWALL, p -> "/api/v1/webhooks;/../../.." + p),
            new Spelling("through the OpenAPI prefix", Expect.FIREWALL, p -> "/openapi/.." + p),
            new Spelling("through the health probe", Expect.FIREWALL, p -> "/actuator/health/liveness/../../.." + p),
            new Spelling("fullwidth solidus", Expect.UNPARSEABLE, p -> replaceSlash(p, 2, "\uff0f")),
            new Spelling("Cyrillic a", Expect.UNPARSEABLE, p -> p.replaceFirst("a", "\u0430")),
            new Spelling("fullwidth first letter", Expect.UNPARSEABLE,
                    p -> "/" + (char) (p.charAt(1) - 'a' + '\uff41') + p.substring(2)),
            new Spelling("long s for s", Expect.UNPARSEABLE, p -> p.replaceFirst("s", "\u017f")),
            new Spelling("backslash for the second /", Expect.UNPARSEABLE, p -> replaceSlash(p, 2, "\\")),
            new Spelling("tab after the first segment", Expect.UNPARSEABLE, p -> insertAfterFirstSegment(p, "\t")),
            new Spelling("space after the first segment", Expect.UNPARSEABLE, p -> insertAfterFirstSegment(p, " x")),
            new Spelling("raw NUL", Expect.UNPARSEABLE, p -> p + "\u0000"),
            new Spelling("upper case", Expect.DENIED, p -> p.toUpperCase(java.util.Locale.ROOT)),
            new Spelling("capitalised first segment", Expect.DENIED,
                    p -> "/" + Character.toUpperCase(p.charAt(1)) + p.substring(2)),
            new Spelling("upper-case version", Expect.DENIED, p -> p.replaceFirst("/v1", "/V1")),
            new Spelling("trailing slash", Expect.DENIED, p -> p + "/"),
            new Spelling("absolute-form request target", Expect.DENIED, p -> "http://localhost" + p),
            new Spelling("encoded query", Expect.DENIED, p -> p + "?x=%2f..%2f;"));

    @DynamicPropertySource
    static void servicesBehindTheGateway(DynamicPropertyRegistry registry) {
        for (String service : List.of("CONVERSATION", "WEBHOOK_INGEST", "TEMPLATE", "AUTOMATION", "OUTBOUND_MESSAGING",
                "AI_AGENT")) {
            registry.add("SERVICES_" + service + "_URL", services::url);
        }
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noSpellingOfAProtectedPathGetsPastTheEdge() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(40);
        Map<String, Long> rowsBefore = rows();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;

        for (String path : concat(ADMIN_ROUTES, API_ROUTES)) {
            // the wrong kind of credential: an org key on the admin API, the admin key on the org API
            String wrongKind = "Bearer " + (path.startsWith("/admin") ? ORG_KEY : ADMIN_KEY);
            for (Spelling spelling : CORPUS) {
                String target = spelling.spell().apply(path);
                for (String method : List.of("GET", "POST")) {
                    for (String authorization : java.util.Arrays.asList(null, wrongKind)) {
                        RawHttp.Response response = RawHttp.send(port, method, target, authorization,
                                method.equals("POST") ? BODY : null);
                        sent++;
                        statuses.merge(response.status(), 1, Integer::sum);
                        String problem = check(spelling.expect(), response);
                        if (problem != null) {
                            failures.add(spelling.name() + " | " + printable(response.requestLine())
                                    + (authorization == null ? "" : " | wrong-kind key") + " -> " + response.status()
                                    + " " + problem);
                        }
                    }
                }
            }
        }

        assertThat(failures).as("spellings answered wrongly (of %d requests; statuses %s)", sent, statuses).isEmpty();
        assertThat(services.received()).as("requests that reached a service").isEmpty();
        assertThat(rows()).as("org, api_key and sender_number rows").isEqualTo(rowsBefore);
    }

    @Test
    void theFirewallAnswersProblemJsonAndTheRealPathsStillWork() {
        RawHttp.Response refused = RawHttp.send(port, "POST", "/admin;x/v1/orgs/default/api-keys", null, BODY);
        assertThat(refused.requestLine()).isEqualTo("POST /admin;x/v1/orgs/default/api-keys HTTP/1.1");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":400");

        assertThat(RawHttp.send(port, "GET", "/%61dmin/v1/orgs", null, null).status()).isEqualTo(400);
        assertThat(RawHttp.send(port, "GET", "/admin/v1/orgs", null, null).status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "GET", "/admin/v1/orgs", "Bearer " + ADMIN_KEY, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/api/v1/conversations", "Bearer " + ORG_KEY, null).status()).isEqualTo(200);
    }

    /** Null when the answer is as expected, else what is wrong with it. */
    private static String check(Expect expect, RawHttp.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return "SUCCEEDED";
        }
        return switch (expect) {
            case FIREWALL -> status == 400 && String.valueOf(response.header("content-type")).startsWith("application/problem+json")
                    ? null : "expected the firewall's 400 problem+json";
            case UNPARSEABLE -> status == 400 || status == RawHttp.NO_ANSWER ? null : "expected 400 or no answer";
            case DENIED -> status == 401 || status == 403 || status == 404 ? null : "expected 401, 403 or 404";
        };
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("org", "api_key", "sender_number")) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    private static String insertAfterFirstSegment(String path, String insert) {
        int second = path.indexOf('/', 1);
        return path.substring(0, second) + insert + path.substring(second);
    }

    /** Replaces the n-th '/' (1-based) of the path. */
    private static String replaceSlash(String path, int n, String replacement) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = path.indexOf('/', at + 1);
        }
        return path.substring(0, at) + replacement + path.substring(at + 1);
    }

    private static String encodeFirstSegment(String path) {
        int second = path.indexOf('/', 1);
        StringBuilder encoded = new StringBuilder("/");
        for (char c : path.substring(1, second).toCharArray()) {
            encoded.append('%').append(hex(c));
        }
        return encoded + path.substring(second);
    }

    private static String hex(char c) {
        return String.format("%02x", (int) c);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
