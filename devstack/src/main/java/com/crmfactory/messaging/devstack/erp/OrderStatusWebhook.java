package com.crmfactory.messaging.devstack.erp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crmfactory.messaging.devstack.erp.ErpModel.Order;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a real ERP does when an order moves: posts the signed order-status webhook to the platform
 * ({@code POST <url>} = the gateway's {@code /api/v1/webhooks/erp/order-status}) with headers {@code X-Erp-Org-Id},
 * {@code X-Timestamp} (Unix seconds) and {@code X-Signature: sha256=hex(HMAC-SHA256(orgSecret, timestamp + "." +
 * body))}. The org's secret is the one the gateway's admin API shows ({@code GET /admin/v1/orgs/{id}/erp-webhook-secret}).
 *
 * <p>Configured by {@code DEMO_ERP_WEBHOOK_URL}, {@code DEMO_ERP_WEBHOOK_ORG_ID} and {@code DEMO_ERP_WEBHOOK_SECRET}
 * (or {@code DEMO_ERP_WEBHOOK_SECRET_FILE}, read at each send so {@code ./omni} can write it once the gateway is up),
 * or the {@code --webhook-url}, {@code --webhook-org}, {@code --webhook-secret} arguments. Without a URL nothing is sent.
 */
public final class OrderStatusWebhook {

    /** What happened to one post: the HTTP status, or why nothing was sent. */
    public record Delivery(String url, Integer status, String error) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final String orgId;
    private final Supplier<String> secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public OrderStatusWebhook(String url, String orgId, Supplier<String> secret, Clock clock) {
        this.url = blankToNull(url);
        this.orgId = blankToNull(orgId) == null ? "default" : orgId.strip();
        this.secret = secret;
        this.clock = clock;
    }

    /** From the arguments ({@code --webhook-url} …), else the environment. */
    static OrderStatusWebhook configured(Map<String, String> args) {
        String secretValue = args.getOrDefault("--webhook-secret", System.getenv("DEMO_ERP_WEBHOOK_SECRET"));
        String secretFile = System.getenv("DEMO_ERP_WEBHOOK_SECRET_FILE");
        return new OrderStatusWebhook(args.getOrDefault("--webhook-url", System.getenv("DEMO_ERP_WEBHOOK_URL")),
                args.getOrDefault("--webhook-org", System.getenv("DEMO_ERP_WEBHOOK_ORG_ID")),
                () -> blankToNull(secretValue) != null ? secretValue.strip() : readFile(secretFile), Clock.systemUTC());
    }

    public boolean enabled() {
        return url != null;
    }

    /** Posts the order's new status (and the one before) with its customer's contact; never throws. */
    public Delivery post(Order order, String previousStatus) {
        if (url == null) {
            return new Delivery(null, null, "no webhook configured (DEMO_ERP_WEBHOOK_URL)");
        }
        String orgSecret = secret.get();
        if (orgSecret == null) {
            return new Delivery(url, null, "no org secret (DEMO_ERP_WEBHOOK_SECRET or DEMO_ERP_WEBHOOK_SECRET_FILE)");
        }
        try {
            byte[] body = JSON.writeValueAsBytes(body(order, previousStatus));
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Erp-Org-Id", orgId)
                    .header("X-Timestamp", timestamp)
                    .header("X-Signature", signature(orgSecret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return new Delivery(url, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(url, null, "interrupted");
        } catch (Exception e) {
            return new Delivery(url, null, e.toString());
        }
    }

    static Map<String, Object> body(Order order, String previousStatus) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("phone", order.customerPhone());
        if (order.customerName() != null) {
            customer.put("name", order.customerName());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderNumber", order.orderNumber());
        body.put("status", order.status());
        body.put("previousStatus", previousStatus);
        body.put("customer", customer);
        if (order.trackingNumber() != null) {
            body.put("trackingNumber", order.trackingNumber());
        }
        if (order.expectedDelivery() != null) {
            body.put("expectedDelivery", order.expectedDelivery().toString());
        }
        body.put("total", order.total());
        body.put("currency", order.currency());
        return body;
    }

    static String signature(String orgSecret, String timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(orgSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String readFile(String file) {
        if (blankToNull(file) == null) {
            return null;
        }
        try {
            return blankToNull(Files.readString(Path.of(file)).strip());
        } catch (Exception e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
