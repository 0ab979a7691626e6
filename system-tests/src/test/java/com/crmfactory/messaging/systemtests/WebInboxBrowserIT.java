package com.crmfactory.messaging.systemtests;

import static com.crmfactory.messaging.systemtests.Probes.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's browser walk: the web inbox served by the gateway, in a real (headless) Chromium driven by Selenium
 * through chromedriver, against the real services as processes (gateway, ingest, conversation, outbound, template
 * service) and the devstack's Twilio simulator. An agent created through the admin API signs in through the form;
 * a simulated customer's SMS appears in the Conversations list without a reload; the thread shows customer and
 * agent bubbles apart; Enter in the composer sends a reply that reaches the simulated phone, Shift+Enter makes a
 * new line; a body of markup renders as text; Stats and Templates render; after signing out the API answers 401.
 * Screenshots of each page go to {@code target/screenshots/}. Without the browser the test fails (never skips).
 */
class WebInboxBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("..", "web-inbox", "node_modules", "axe-core", "axe.min.js");

    private static final String API_KEY = "omk_web_" + UUID.randomUUID().toString().replace("-", "");
    private static final String ADMIN_KEY = "adm_web_" + UUID.randomUUID().toString().replace("-", "");
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final String WHATSAPP_NUMBER = "+14155238886";
    /** the deployment's Content SID of the built-in order_confirmation, approved by the simulator from the start */
    private static final String ORDER_CONFIRMATION_SID = "HX0123456789abcdef0123456789abcdef";
    /**
     * The WhatsApp window of this stack (conversation and outbound read the same key): short, so that a customer's
     * WhatsApp message is outside it seconds later, as a message older than 24 h is in production.
     */
    private static final Map<String, String> TWILIO = Map.of("PLATFORM_WHATSAPP_WINDOW", "8s",
            "PLATFORM_TWILIO_WHATSAPP_NUMBER", WHATSAPP_NUMBER, "TWILIO_TPL_ORDER_CONFIRMATION", ORDER_CONFIRMATION_SID);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static final List<String> axeFindings = new ArrayList<>();
    private static ServiceProcess gateway;
    private static ServiceProcess simulator;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        // fail, never skip, when the browser is not there
        HeadlessChromium.assertInstalled();

        StackEnvironment stack = new StackEnvironment();
        int gatewayPort = ServiceProcess.freePort();
        String gatewayUrl = "http://localhost:" + gatewayPort;
        ServiceProcess conversation = add(ServiceProcess.start("conversation-service", with(stack.withDatabase("web_conversation"))));
        ServiceProcess ingest = add(ServiceProcess.start("webhook-ingest-service", with(stack.common())));
        simulator = add(ServiceProcess.startDevstackMain("twilio-simulator", "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gatewayUrl, "SIMULATOR_CALLBACK_STEP_MS", "200",
                        "TWILIO_TPL_ORDER_CONFIRMATION", ORDER_CONFIRMATION_SID), "/health"));
        Map<String, String> templateEnv = with(stack.withDatabase("web_template"));
        templateEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        // the approval sync asks the simulator soon and often, so the built-in's approval arrives within seconds
        templateEnv.put("PLATFORM_TEMPLATE_APPROVALSYNC_INITIALDELAY", "2s");
        templateEnv.put("PLATFORM_TEMPLATE_APPROVALSYNC_INTERVAL", "3s");
        ServiceProcess templates = add(ServiceProcess.start("template-service", templateEnv));
        Map<String, String> outboundEnv = with(stack.withDatabase("web_outbound"));
        outboundEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", gatewayUrl);
        ServiceProcess outbound = add(ServiceProcess.start("outbound-messaging-service", outboundEnv));
        Map<String, String> gatewayEnv = with(stack.withDatabase("web_gateway"));
        gatewayEnv.put("SERVER_PORT", String.valueOf(gatewayPort));
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", API_KEY);
        gatewayEnv.put("PLATFORM_ADMIN_API_KEY", ADMIN_KEY);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        gatewayEnv.put("SERVICES_TEMPLATE_URL", templates.url());
        gatewayEnv.put("SERVICES_OUTBOUND_MESSAGING_URL", outbound.url());
        gateway = add(ServiceProcess.start("gateway-service", gatewayEnv));

        // the browser starts while the services do
        Files.createDirectories(SCREENSHOTS);
        chromium = HeadlessChromium.start();
        browser = chromium.driver();

        for (ServiceProcess process : processes) {
            process.awaitReady(Duration.ofSeconds(180));
        }
    }

    private static Map<String, String> with(Map<String, String> environment) {
        environment.putAll(TWILIO);
        return environment;
    }

    private static ServiceProcess add(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        for (ServiceProcess process : processes) {
            process.close();
        }
    }

    @Test
    void anAgentWorksTheInboxInARealBrowser() throws Exception {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery " + UUID.randomUUID().toString().substring(0, 6);
        String agentId = createAgent("default", email, "Alex Agent", password);

        // sign in through the form
        browser.get(gateway.url() + "/");
        signIn(email, password, "01-login");
        axe("conversations-empty");

        // a simulated customer writes: the row appears within 10 s, without a reload
        String customer = randomNumber();
        String marker = "Where is my order " + UUID.randomUUID().toString().substring(0, 8) + "?";
        customerSends("sms", customer, TwilioFixtures.BUSINESS_NUMBER, marker);
        long sent = System.nanoTime();
        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            for (WebElement r : d.findElements(By.cssSelector("li[data-session-id]"))) {
                if (r.getText().contains(customer) || r.getText().contains(marker)) {
                    return r;
                }
            }
            return null;
        });
        System.out.printf("the new conversation showed in the list %d ms after the simulator accepted the SMS%n",
                (System.nanoTime() - sent) / 1_000_000);
        String sessionId = row.getAttribute("data-session-id");
        screenshot("02-conversations");
        axe("conversations");

        // by keyboard only: Tab to the row's link, Enter opens the thread
        browser.findElement(By.tagName("body")).click();
        tabUntil("the conversation's row", "el.closest('li[data-session-id]') && el.closest('li[data-session-id]')"
                + ".getAttribute('data-session-id') === arguments[0]", sessionId);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        await(By.id("thread-title"));
        assertThat(browser.getCurrentUrl()).endsWith("#/conversations/" + sessionId);
        WebElement customerBubble = await(By.cssSelector("li.bubble[data-author=customer]"));
        assertThat(customerBubble.getText()).contains(marker);
        assertThat(browser.findElement(By.cssSelector(".session-header .window")).getText()).startsWith("SMS window closes in");

        // markup in a body is text
        customerSends("sms", customer, TwilioFixtures.BUSINESS_NUMBER, XSS);
        WebElement markup = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            for (WebElement body : d.findElements(By.cssSelector("li.bubble .body"))) {
                if (body.getText().equals(XSS)) {
                    return body;
                }
            }
            return null;
        });
        assertThat(markup.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("ol.messages img[src=x]"))).isEmpty();
        assertNoAlert();

        // the CSP (script-src 'self') blocks inline script: an injected <script> element does not run, the
        // browser reports the violation
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective));"
                + "const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true;';"
                + "document.body.appendChild(s);");
        List<?> violations = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> {
                    List<?> seen = (List<?>) js.executeScript("return window.__cspViolations;");
                    return seen.isEmpty() ? null : seen;
                });
        assertThat(violations.toString()).contains("script-src");
        assertThat(js.executeScript("return window.__inlineRan === true;")).isEqualTo(false);

        // by keyboard only, Tab reaches the composer; Enter sends: the agent's bubble, distinct from the customer's,
        // and the reply on the simulated phone
        String reply = "Your order ships today " + UUID.randomUUID().toString().substring(0, 8);
        await(By.id("composer-text"));
        tabUntil("the composer", "el.id === 'composer-text'");
        new Actions(browser).sendKeys(reply).sendKeys(Keys.ENTER).perform();
        // the thread reloads after the send (the queued bubble becomes the stored message): compare in one script
        @SuppressWarnings("unchecked")
        List<Object> lastSeen = new ArrayList<>(List.of("nothing"));
        Map<String, Object> bubbles = new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> "bubbles: " + lastSeen)
                .until(d -> {
            Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) d).executeScript(
                        "const agent = [...document.querySelectorAll('li.bubble[data-author=agent]')]"
                                + ".find(b => b.textContent.includes(arguments[0]));"
                                + "const customer = document.querySelector('li.bubble[data-author=customer]');"
                                + "if (!agent || !customer) return null;"
                                + "const info = b => ({cls: b.className, label: b.querySelector('.author').textContent,"
                                + " bg: getComputedStyle(b).backgroundColor, align: getComputedStyle(b).alignSelf,"
                                + " margin: getComputedStyle(b).marginLeft});"
                                + "return {agent: info(agent), customer: info(customer)};", reply);
            lastSeen.set(0, seen);
            // the agent's bubble names the agent (as soon as it is queued, and once stored)
            return seen != null && "Alex Agent".equals(((Map<String, Object>) seen.get("agent")).get("label")) ? seen : null;
        });
        Map<String, Object> agentInfo = (Map<String, Object>) bubbles.get("agent");
        Map<String, Object> customerInfo = (Map<String, Object>) bubbles.get("customer");
        assertThat(agentInfo.get("cls")).isNotEqualTo(customerInfo.get("cls"));
        assertThat(agentInfo.get("label")).as("author labels").isNotEqualTo(customerInfo.get("label"));
        assertThat(agentInfo.get("label")).isEqualTo("Alex Agent");
        assertThat(customerInfo.get("label")).isEqualTo("Customer");
        assertThat(agentInfo.get("bg")).as("bubble colours").isNotEqualTo(customerInfo.get("bg"));
        JsonNode onThePhone = onThePhone(customer, reply);
        assertThat(onThePhone.path("to").asString()).isEqualTo(customer);
        assertThat(browser.findElement(By.id("composer-text")).getAttribute("value")).isEmpty();
        // the simulator's status callbacks come back through the gateway: the bubble shows "delivered"
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("li.bubble[data-author=agent] [data-status=delivered]")).size() == 1);

        // Shift+Enter makes a new line and sends nothing
        WebElement composer = browser.findElement(By.id("composer-text"));
        composer.sendKeys("first line");
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
        composer.sendKeys("second line");
        assertThat(composer.getAttribute("value")).isEqualTo("first line\nsecond line");
        Thread.sleep(500);
        assertThat(browser.findElements(By.cssSelector("li.bubble[data-author=agent]"))).hasSize(1);
        screenshot("03-thread");
        axe("thread");

        // by keyboard only: from the composer, Tab reaches the Send button and Enter on it sends
        tabUntil("the Send button", "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('form.composer') !== null");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        onThePhone(customer, "first line\nsecond line");

        // thread actions: assign to me, escalate to a queue, each shown in the header and in the API
        click(By.xpath("//div[@role='group']//button[normalize-space()='Assign to me']"));
        awaitText(By.cssSelector(".session-header"), "assigned to Alex Agent");
        assertThat(conversation(sessionId).path("assignee").asString()).isEqualTo(agentId);
        browser.findElement(By.xpath("//div[@role='group']//label[contains(., 'Queue')]/input")).sendKeys("billing");
        click(By.xpath("//div[@role='group']//button[normalize-space()='Escalate']"));
        awaitText(By.cssSelector(".session-header"), "queue billing");
        awaitText(By.cssSelector(".session-header .chip"), "needs human");
        JsonNode escalated = conversation(sessionId);
        assertThat(escalated.path("status").asString()).isEqualTo("needs_human");
        assertThat(escalated.path("queue").asString()).isEqualTo("billing");

        // the contact page: details, opt-out state per channel, the conversations panel and the same composer
        String contactId = escalated.path("contact").path("id").asString();
        click(By.linkText("Contact page"));
        await(By.id("contact-title"));
        WebElement details = await(By.cssSelector(".contact-details dl"));
        assertThat(details.getText()).contains("Phone").contains(customer).contains("WhatsApp").contains("E-mail");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("table.opt-outs tbody tr")).size() >= 3);
        assertThat(browser.findElement(By.cssSelector("table.opt-outs tr[data-channel=sms]")).getText()).contains("subscribed");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".contact-details li[data-session-id='" + sessionId + "']")).isEmpty());
        WebElement contactComposer = await(By.cssSelector(".contact-thread #composer-text"));
        String fromContactPage = "Replied from the contact page " + UUID.randomUUID().toString().substring(0, 8);
        contactComposer.sendKeys(fromContactPage);
        contactComposer.sendKeys(Keys.ENTER);
        onThePhone(customer, fromContactPage);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".contact-thread li.bubble[data-author=agent]"))
                .stream().anyMatch(b -> b.getText().contains(fromContactPage)));
        assertThat(browser.getCurrentUrl()).endsWith("#/contacts/" + contactId);
        screenshot("07-contact");
        axe("contact");

        // complete: the session closes, the composer takes no more replies
        browser.get(gateway.url() + "/#/conversations/" + sessionId);
        click(By.xpath("//div[@role='group']//button[normalize-space()='Complete']"));
        awaitText(By.cssSelector(".session-header .chip"), "completed");
        assertThat(conversation(sessionId).path("status").asString()).isEqualTo("completed");
        assertThat(await(By.cssSelector("form.composer button[type=submit]")).isEnabled()).isFalse();

        // a WhatsApp customer whose last message is outside the window: plain text is off (with the reason), an
        // approved template is chosen, its variables filled, previewed, and it reaches the simulated WhatsApp phone
        String whatsappCustomer = randomNumber();
        customerSends("whatsapp", whatsappCustomer, WHATSAPP_NUMBER, "Is my order ready?");
        String whatsappSession = until(Duration.ofSeconds(30), "the WhatsApp session", () -> {
            for (JsonNode item : api("/api/v1/conversations?status=all&channel=whatsapp").path("items")) {
                if (item.path("customerAddress").asString().endsWith(whatsappCustomer)) {
                    return item.path("sessionId").asString();
                }
            }
            return null;
        });
        browser.get(gateway.url() + "/#/conversations/" + whatsappSession);
        awaitText(By.cssSelector(".session-header .window"), "WhatsApp window closes in");
        // outside the window (8 s here) the page offers templates only, once the approved built-in is known
        Select picker = new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> found = d.findElements(By.id("template-picker"));
                    if (!found.isEmpty() && found.get(0).findElements(By.cssSelector("option[value=order_confirmation]")).size() == 1) {
                        return new Select(found.get(0));
                    }
                    d.navigate().refresh();
                    return null;
                });
        assertThat(browser.findElement(By.cssSelector(".session-header .window")).getText()).isEqualTo("WhatsApp window closed");
        WebElement disabledText = browser.findElement(By.id("composer-text"));
        assertThat(disabledText.isEnabled()).as("plain text is disabled").isFalse();
        assertThat(browser.findElement(By.id(disabledText.getAttribute("aria-describedby"))).getText())
                .contains("WhatsApp window is closed");
        assertThat(browser.findElements(By.id("composer-media"))).isEmpty();
        picker.selectByValue("order_confirmation");
        String orderNumber = "SO-" + (1000 + (int) (Math.random() * 9000));
        Map<String, String> variables = Map.of("customer_name", "Ana", "order_number", orderNumber, "status", "shipped",
                "total", "$99", "delivery_date", "Friday");
        for (var variable : variables.entrySet()) {
            browser.findElement(By.xpath("//fieldset[contains(@class,'templates')]//label[normalize-space(text())='"
                    + variable.getKey() + "']/input")).sendKeys(variable.getValue());
        }
        WebElement preview = await(By.cssSelector("fieldset.templates .preview"));
        assertThat(preview.getText()).contains(orderNumber).contains("Ana").doesNotContain("{{");
        screenshot("08-whatsapp-template");
        axe("whatsapp-template");
        click(By.cssSelector("form.composer button[type=submit]"));
        JsonNode template = until(Duration.ofSeconds(60), "the template on the simulated WhatsApp phone", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/customer/inbox?phone=" + java.net.URLEncoder.encode(
                    whatsappCustomer, java.nio.charset.StandardCharsets.UTF_8), null).body())) {
                if (ORDER_CONFIRMATION_SID.equals(m.path("contentSid").asString())) {
                    return m;
                }
            }
            return null;
        });
        assertThat(template.path("to").asString()).isEqualTo("whatsapp:" + whatsappCustomer);
        assertThat(template.path("contentVariables").asString()).contains(orderNumber).contains("Friday");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("li.bubble[data-author=agent]"))
                .stream().anyMatch(b -> b.getText().contains(orderNumber)));
        assertNoErrorShown();

        // Stats and Templates render
        browser.get(gateway.url() + "/#/stats");
        await(By.id("stats-title"));
        await(By.className("kpis"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".chart canvas")).size() >= 2);
        assertNoErrorShown();
        screenshot("04-stats");
        axe("stats");

        browser.get(gateway.url() + "/#/templates");
        await(By.id("templates-title"));
        // the org's built-in templates are listed
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.xpath("//table//th[@scope='row'][normalize-space()='order_confirmation']")).isEmpty());
        assertNoErrorShown();
        screenshot("05-templates");
        axe("templates");

        // sign out: the session cookie no longer opens the API
        Cookie session = browser.manage().getCookieNamed("SESSION");
        assertThat(session).as("the SESSION cookie").isNotNull();
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        await(By.id("email"));
        screenshot("06-signed-out");
        Object status = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/me', {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));");
        assertThat(status).isEqualTo(401L);
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/me"))
                .header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(401);

        // another org's agent never sees this org's data: not in the list, not by URL, not through the API
        HttpResponse<String> org = admin("/admin/v1/orgs", json.writeValueAsString(Map.of("id", "other-" + UUID.randomUUID()
                .toString().substring(0, 8), "name", "Other org")));
        assertThat(org.statusCode()).as(org.body()).isEqualTo(201);
        String otherOrg = json.readTree(org.body()).path("id").asString();
        String otherEmail = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        createAgent(otherOrg, otherEmail, "Olga Other", password);
        browser.get(gateway.url() + "/#/conversations");
        signIn(otherEmail, password, null);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.xpath("//p[normalize-space()='No conversations.']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("li[data-session-id]"))).isEmpty();
        browser.get(gateway.url() + "/#/conversations/" + sessionId);
        awaitText(By.cssSelector("[role=alert]"), "No such conversation.");
        assertThat(browser.findElement(By.id("not-found-title")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain(marker).doesNotContain(customer);
        screenshot("09-other-org-not-found");
        browser.get(gateway.url() + "/#/contacts/" + contactId);
        awaitText(By.cssSelector("[role=alert]"), "No such contact.");
        assertThat(browser.getPageSource()).doesNotContain(customer);
        for (String path : List.of("/api/v1/conversations/" + sessionId, "/api/v1/contacts/" + contactId)) {
            Object answer = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));", path);
            assertThat(answer).as(path).isEqualTo(404L);
        }
        Object search = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/conversations?status=all&q=' + encodeURIComponent(arguments[0]), {credentials: 'same-origin'})"
                + ".then(r => r.json()).then(p => done(p.totalItems), e => done(String(e)));", marker);
        assertThat(search).isEqualTo(0L);

        // accessibility, checked last so that the walk above is reported first
        assertThat(axeFindings).as("axe-core serious or critical violations").isEmpty();
    }

    private static String createAgent(String orgId, String email, String name, String password) throws Exception {
        HttpResponse<String> created = until(Duration.ofSeconds(30), "the agent to be created", () -> {
            HttpResponse<String> response = admin("/admin/v1/orgs/" + orgId + "/agents", json.writeValueAsString(Map.of(
                    "email", email, "displayName", name, "role", "admin", "password", password)));
            return response.statusCode() == 201 ? response : null;
        });
        return json.readTree(created.body()).path("id").asString();
    }

    private static void signIn(String email, String password, String screenshot) throws Exception {
        WebElement emailField = await(By.id("email"));
        if (screenshot != null) {
            screenshot(screenshot);
        }
        emailField.sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        try {
            await(By.id("conversations-title"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-sign-in");
            throw new AssertionError("sign-in as " + email + " failed; shown: "
                    + browser.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText).toList()
                    + "; cookies: " + browser.manage().getCookies().stream().map(Cookie::getName).toList(), e);
        }
    }

    /** Presses Tab (keyboard only) until the focused element matches {@code test} (JS over {@code el}). */
    private static void tabUntil(String what, String test, Object... arguments) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int i = 0; i < 80; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Object focused = js.executeScript("const el = document.activeElement; return !!el && !!(" + test + ");", arguments);
            if (Boolean.TRUE.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    private static void customerSends(String channel, String phone, String to, String body) throws Exception {
        until(Duration.ofSeconds(60), "the customer's " + channel + " message to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of(
                    "channel", channel, "phone", phone, "to", to, "body", body)));
            return response.statusCode() == 200 ? response : null;
        });
    }

    private static JsonNode onThePhone(String customer, String text) throws Exception {
        return until(Duration.ofSeconds(30), "the reply on the simulated phone", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/messages", null).body())) {
                if (customer.equals(m.path("to").asString()) && m.path("body").asString().contains(text)) {
                    return m;
                }
            }
            return null;
        });
    }

    /** The conversation as the API shows it to the org's key. */
    private static JsonNode conversation(String sessionId) throws Exception {
        return api("/api/v1/conversations/" + sessionId).path("conversation");
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String randomNumber() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    private static void click(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void awaitText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "text '" + text + "' in " + by)
                .until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** axe-core, injected from web-inbox's node_modules: no serious or critical violation on the page shown. */
    private static void axe(String page) throws Exception {
        assertThat(AXE).as("web-inbox/node_modules/axe-core (npm ci in web-inbox)").isRegularFile();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(AXE));
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))),"
                        + " e => done('error: ' + e));");
        if (!"[]".equals(String.valueOf(result))) {
            axeFindings.add(page + ": " + result);
        }
    }

    private static void assertNoAlert() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // none
        }
    }

    private static void assertNoErrorShown() {
        List<String> errors = browser.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText).toList();
        assertThat(errors).as("errors shown").isEmpty();
    }

    private static WebElement await(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static HttpResponse<String> admin(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> simulator(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.url() + path)).timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
