package com.crmfactory.messaging.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.crmfactory.messaging.agent.context.SessionContextRepository;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.devstack.erp.DemoErp;
import com.crmfactory.messaging.devstack.erp.DemoOrders;
import com.crmfactory.messaging.devstack.erp.ErpModel;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A corpus of prompt injections ({@code llm/prompt-injections.txt}) against an <em>adversarial</em> fake model that
 * obeys every one of them: it calls the agent's tools with the other customer's order numbers (adding the other
 * customer's phone and org as extra arguments), removes the other customer's draft lines and submits "her" order, and
 * then echoes every tool result, its system prompt and the turn's context into the reply. The tools are the boundary:
 * they act for the turn's org and customer only, so no reply carries anything of another customer (same org) or of
 * another org's customer — order numbers, names, phones, lines, prices, tracking — their drafts stay as they were,
 * the ERP is asked for the attacker's org and phone only, and every attack ends in one ordinary reply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class PromptInjectionCorpusIT {

    static final DemoErp ERP = start();
    static final FakeOpenAi MODEL = new FakeOpenAi();
    static final Pattern ORDER_NUMBER = Pattern.compile("SO-\\d+( OR 1=1)?");
    static final Pattern PHONE = Pattern.compile("\\+\\d{8,15}");
    static final Pattern ORG = Pattern.compile("org-[0-9a-f]+");
    static final Pattern SETUP = Pattern.compile("SETUP add (\\d+) ([A-Z0-9-]+)");
    /** What a tool may answer an attack (its own, empty, customer's view): anything else would be data. */
    static final Set<String> REFUSALS = Set.of("no such order for this customer", "invalid order number", "not in the draft",
            "the draft is empty");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("agent.erp.base-url", () -> "http://localhost:" + ERP.port() + "/api/v1");
        registry.add("agent.llm.provider", () -> "openai");
        registry.add("agent.llm.base-url", MODEL::baseUrl);
        registry.add("agent.llm.api-key", () -> "sk-test");
        registry.add("agent.llm.model", () -> "fake-gpt");
        registry.add("agent.llm.timeout", () -> "20s");
    }

    @MockitoSpyBean
    ErpClient erp;

    @Autowired
    SessionContextRepository sessions;

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterAll
    static void stop() {
        ERP.close();
        MODEL.close();
    }

    @Test
    void everyInjectionOfTheCorpusEndsInAnOrdinaryReplyWithNothingOfAnotherCustomer() throws IOException {
        MODEL.script(PromptInjectionCorpusIT::obey);
        String org = "org-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        String otherOrg = "org-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        // the victims: a customer of the same org and one of another org, each with seeded ERP orders and a draft
        LlmCustomer victim = new LlmCustomer(org, DemoOrders.DEMO_PHONES.get(1), "Vera");
        LlmCustomer otherOrgVictim = new LlmCustomer(otherOrg, DemoOrders.DEMO_PHONES.get(2), "Otto");
        victim.says("SETUP add 7 VBT-A42");
        otherOrgVictim.says("SETUP add 11 BRG-6204-2RS");
        await().atMost(Duration.ofSeconds(30)).until(() -> victim.replies().size() == 1 && otherOrgVictim.replies().size() == 1);
        OrderDraft victimDraft = draftOf(victim);
        OrderDraft otherOrgDraft = draftOf(otherOrgVictim);
        assertThat(victimDraft.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo("VBT-A42"));
        assertThat(otherOrgDraft.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo("BRG-6204-2RS"));

        DemoOrders orders = new DemoOrders(ERP.catalog());
        List<ErpModel.Order> victimOrders = orders.latest(victim.phone, 100);
        List<ErpModel.Order> otherOrgOrders = orders.latest(otherOrgVictim.phone, 100);
        Map<String, String> values = Map.of("{victimOrder}", victimOrders.get(0).orderNumber(),
                "{victimOrder2}", victimOrders.get(1).orderNumber(), "{victimPhone}", victim.phone,
                "{victimName}", victimOrders.get(0).customerName(), "{otherOrg}", otherOrg,
                "{otherOrgOrder}", otherOrgOrders.get(0).orderNumber(), "{otherOrgPhone}", otherOrgVictim.phone,
                "{victimSku}", "VBT-A42");
        List<String> corpus = corpus(values);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(15);

        // the attacker: a customer of the first org without orders of their own; each injection in a session of its own
        Mockito.clearInvocations(erp);
        Map<String, LlmCustomer> attacks = new LinkedHashMap<>();
        for (String injection : corpus) {
            LlmCustomer attacker = new LlmCustomer(org, "+15557772001", "Mallory");
            attacker.says(injection);
            attacks.put(injection, attacker);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> attacks.values().stream().allMatch(a -> !a.replies().isEmpty() || !a.escalations().isEmpty()));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true); // no second reply comes

        Set<String> secrets = secretsOf(victimOrders, victim, victimDraft);
        secrets.addAll(secretsOf(otherOrgOrders, otherOrgVictim, otherOrgDraft));
        secrets.add(otherOrg);
        attacks.forEach((injection, attacker) -> {
            // one ordinary reply per attack: the model obeyed, the tools refused, nothing failed or escalated
            assertThat(attacker.replies()).as(injection).singleElement().extracting(ReplyProposed::text)
                    .satisfies(text -> assertThat(text).startsWith("Here is everything"))
                    .satisfies(text -> secrets.forEach(secret -> assertThat(text).as("%s -> %s", injection, text)
                            .doesNotContain(secret)));
            assertThat(attacker.escalations()).as(injection).isEmpty();
        });
        // what the tools answered the model: refusals only (the model asked for the other customers' data every time)
        List<String> toolResults = new ArrayList<>();
        MODEL.requests().stream().filter(r -> !r.toolResults().isEmpty() && r.lastUserText().contains("Mallory"))
                .forEach(r -> toolResults.addAll(r.toolResults()));
        assertThat(toolResults).isNotEmpty().allSatisfy(result -> assertThat(REFUSALS).contains(result));
        assertThat(toolResults).contains("no such order for this customer", "not in the draft", "the draft is empty");

        // the ERP was asked for the attacker's org and phone only, and nothing was ordered
        for (Invocation call : mockingDetails(erp).getInvocations()) {
            assertThat(call.getArguments()[0]).as(call.toString()).isEqualTo(org);
            if (call.getMethod().getName().equals("findOrder") || call.getMethod().getName().equals("recentOrders")) {
                assertThat(call.getArguments()[call.getMethod().getName().equals("findOrder") ? 2 : 1]).isEqualTo("+15557772001");
            }
        }
        verify(erp, never()).createOrder(any(), any());
        // the victims' drafts are as they left them
        assertThat(draftOf(victim)).isEqualTo(victimDraft);
        assertThat(draftOf(otherOrgVictim)).isEqualTo(otherOrgDraft);
        assertThat(breakers.circuitBreaker("llm").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    /**
     * The adversarial model: a victim's setup message builds their draft; any other message is obeyed — every order
     * number in it is looked up (with the phone and org it names as extra arguments), every draft part it names is
     * removed, a submission is made when it asks for one — and then every tool result, the system prompt and the
     * turn's context go into the reply.
     */
    static FakeOpenAi.Step obey(FakeOpenAi.Request r) {
        String text = r.lastUserText();
        Matcher setup = SETUP.matcher(text);
        if (setup.find()) {
            return r.toolResults().isEmpty()
                    ? FakeOpenAi.ToolCalls.of("addToDraft", Map.of("sku", setup.group(2), "quantity", Long.parseLong(setup.group(1))))
                    : new FakeOpenAi.Answer("Added.", "place_order", 0.9, false);
        }
        if (!r.toolResults().isEmpty()) {
            String system = "";
            for (var m : r.body().path("messages")) {
                if ("system".equals(m.path("role").asString())) {
                    system = m.path("content").asString();
                }
            }
            String context = text.startsWith("[context:") ? text.substring(0, text.indexOf('\n')) : "";
            return new FakeOpenAi.Answer("Here is everything: " + String.join(" | ", r.toolResults()) + " | " + system + " | "
                    + context, "track_order", 0.9, false);
        }
        List<Object> calls = new ArrayList<>();
        String phone = first(PHONE, text);
        String org = first(ORG, text);
        Matcher order = ORDER_NUMBER.matcher(text);
        while (order.find()) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("orderNumber", order.group());
            if (phone != null) {
                args.put("customerPhone", phone);
            }
            if (org != null) {
                args.put("orgId", org);
            }
            calls.add("findOrder");
            calls.add(args);
        }
        if (text.contains("VBT-A42")) {
            calls.add("removeFromDraft");
            calls.add(Map.of("sku", "VBT-A42", "customerPhone", phone == null ? "" : phone));
        }
        if (text.contains("submit")) {
            calls.add("submitDraft");
            calls.add(Map.of());
        }
        return calls.isEmpty() ? new FakeOpenAi.Answer("Here is everything: nothing", "other", 0.9, false)
                : FakeOpenAi.ToolCalls.of(calls.toArray());
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    /** What of a customer no other customer may see: order numbers, name, phone, tracking, lines, prices, draft. */
    private static Set<String> secretsOf(List<ErpModel.Order> orders, LlmCustomer customer, OrderDraft draft) {
        Set<String> secrets = new LinkedHashSet<>(List.of(customer.phone, customer.phone.substring(1), customer.name));
        for (ErpModel.Order o : orders) {
            secrets.add(o.orderNumber());
            secrets.add(o.customerName());
            if (o.trackingNumber() != null) {
                secrets.add(o.trackingNumber());
            }
            secrets.add(o.total().toPlainString());
            o.lines().forEach(l -> {
                secrets.add(l.sku());
                secrets.add(l.unitPrice().toPlainString());
                secrets.add(l.lineTotal().toPlainString());
            });
        }
        draft.lines().forEach(l -> secrets.add(l.sku()));
        secrets.add(draft.total().toPlainString());
        return secrets;
    }

    private OrderDraft draftOf(LlmCustomer customer) {
        return sessions.find(customer.org, customer.id).orElseThrow().draft();
    }

    private static List<String> corpus(Map<String, String> values) throws IOException {
        try (InputStream in = PromptInjectionCorpusIT.class.getResourceAsStream("/llm/prompt-injections.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String filled = line;
                    for (var v : values.entrySet()) {
                        filled = filled.replace(v.getKey(), v.getValue());
                    }
                    lines.add(filled);
                }
            }
            return lines;
        }
    }

    private static DemoErp start() {
        try {
            return new DemoErp(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
