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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("..", "web-inbox", "node_modules", "axe-core", "axe.min.js");

    private static final String API_KEY = "omk_web_" + UUID.randomUUID().toString().replace("-", "");
    private static final String ADMIN_KEY = "adm_web_" + UUID.randomUUID().toString().replace("-", "");
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static final List<ServiceProcess> processes = new ArrayList<>();
    private static final List<String> axeFindings = new ArrayList<>();
    private static ServiceProcess gateway;
    private static ServiceProcess simulator;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        // fail, never skip, when the browser is not there
        assertThat(CHROMIUM).as("chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();

        StackEnvironment stack = new StackEnvironment();
        int gatewayPort = ServiceProcess.freePort();
        String gatewayUrl = "http://localhost:" + gatewayPort;
        ServiceProcess conversation = add(ServiceProcess.start("conversation-service", stack.withDatabase("web_conversation")));
        ServiceProcess ingest = add(ServiceProcess.start("webhook-ingest-service", stack.common()));
        simulator = add(ServiceProcess.startDevstackMain("twilio-simulator", "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gatewayUrl, "SIMULATOR_CALLBACK_STEP_MS", "200"), "/health"));
        Map<String, String> templateEnv = stack.withDatabase("web_template");
        templateEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        ServiceProcess templates = add(ServiceProcess.start("template-service", templateEnv));
        Map<String, String> outboundEnv = stack.withDatabase("web_outbound");
        outboundEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", gatewayUrl);
        ServiceProcess outbound = add(ServiceProcess.start("outbound-messaging-service", outboundEnv));
        Map<String, String> gatewayEnv = stack.withDatabase("web_gateway");
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
        profile = Files.createTempDirectory("web-inbox-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);

        for (ServiceProcess process : processes) {
            process.awaitReady(Duration.ofSeconds(180));
        }
    }

    private static ServiceProcess add(ServiceProcess process) {
        processes.add(process);
        return process;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (ServiceProcess process : processes) {
            process.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void anAgentWorksTheInboxInARealBrowser() throws Exception {
        String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = until(Duration.ofSeconds(30), "the agent to be created", () -> {
            HttpResponse<String> response = admin("/admin/v1/orgs/default/agents", json.writeValueAsString(Map.of(
                    "email", email, "displayName", "Alex Agent", "role", "admin", "password", password)));
            return response.statusCode() == 201 ? response : null;
        });
        assertThat(created.statusCode()).isEqualTo(201);

        // sign in through the form
        browser.get(gateway.url() + "/");
        WebElement emailField = await(By.id("email"));
        screenshot("01-login");
        emailField.sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await(By.id("conversations-title"));
        axe("conversations-empty");

        // a simulated customer writes: the row appears within 10 s, without a reload
        String customer = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
        String marker = "Where is my order " + UUID.randomUUID().toString().substring(0, 8) + "?";
        until(Duration.ofSeconds(60), "the customer's SMS to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of(
                    "channel", "sms", "phone", customer, "to", TwilioFixtures.BUSINESS_NUMBER, "body", marker)));
            return response.statusCode() == 200 ? response : null;
        });
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
        screenshot("02-conversations");
        axe("conversations");

        // the thread: the customer's bubble
        row.findElement(By.tagName("a")).click();
        await(By.id("thread-title"));
        WebElement customerBubble = await(By.cssSelector("li.bubble[data-author=customer]"));
        assertThat(customerBubble.getText()).contains(marker);

        // markup in a body is text
        until(Duration.ofSeconds(30), "the customer's markup SMS to be accepted", () -> {
            HttpResponse<String> response = simulator("POST", "/sim/customer/send", json.writeValueAsString(Map.of(
                    "channel", "sms", "phone", customer, "to", TwilioFixtures.BUSINESS_NUMBER, "body", XSS)));
            return response.statusCode() == 200 ? response : null;
        });
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

        // Enter sends: the agent's bubble, distinct from the customer's, and the reply on the simulated phone
        String reply = "Your order ships today " + UUID.randomUUID().toString().substring(0, 8);
        WebElement composer = await(By.id("composer-text"));
        composer.sendKeys(reply);
        composer.sendKeys(Keys.ENTER);
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
        JsonNode onThePhone = until(Duration.ofSeconds(30), "the reply on the simulated phone", () -> {
            for (JsonNode m : json.readTree(simulator("GET", "/sim/messages", null).body())) {
                if (m.path("body").asString().contains(reply)) {
                    return m;
                }
            }
            return null;
        });
        assertThat(onThePhone.path("to").asString()).isEqualTo(customer);
        assertThat(browser.findElement(By.id("composer-text")).getAttribute("value")).isEmpty();
        // the simulator's status callbacks come back through the gateway: the bubble shows "delivered"
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("li.bubble[data-author=agent] [data-status=delivered]")).size() == 1);

        // Shift+Enter makes a new line and sends nothing
        composer = browser.findElement(By.id("composer-text"));
        composer.sendKeys("first line");
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
        composer.sendKeys("second line");
        assertThat(composer.getAttribute("value")).isEqualTo("first line\nsecond line");
        Thread.sleep(500);
        assertThat(browser.findElements(By.cssSelector("li.bubble[data-author=agent]"))).hasSize(1);
        screenshot("03-thread");
        axe("thread");

        // Stats and Templates render
        browser.get(gateway.url() + "/#/stats");
        await(By.id("stats-title"));
        await(By.className("kpis"));
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
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/me', {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));");
        assertThat(status).isEqualTo(401L);
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/me"))
                .header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(401);

        // accessibility, checked last so that the walk above is reported first
        assertThat(axeFindings).as("axe-core serious or critical violations").isEmpty();
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
