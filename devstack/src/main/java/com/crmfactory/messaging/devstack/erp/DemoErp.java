package com.crmfactory.messaging.devstack.erp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.crmfactory.messaging.devstack.LocalHttpServer;
import com.crmfactory.messaging.devstack.erp.ErpModel.NewOrder;
import com.crmfactory.messaging.devstack.erp.ErpModel.Page;
import com.crmfactory.messaging.devstack.erp.ErpModel.Part;
import com.crmfactory.messaging.devstack.erp.ErpModel.Price;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The demo ERP: serves the ERP REST contract (erp-openapi.yaml in ai-agent-service) over a seeded
 * catalogue and order book, with the JDK's HTTP server only. {@code ./omni up} runs it on 8091; the
 * agent's dialogue tests start it in-process on a random port.
 */
public final class DemoErp implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoCatalog catalog = new DemoCatalog();
    private final DemoOrders orders = new DemoOrders(catalog);
    private final OrderStatusWebhook statusWebhook;
    private final HttpServer server;

    public DemoErp(int port) throws IOException {
        this(port, OrderStatusWebhook.configured(Map.of()));
    }

    public DemoErp(int port, OrderStatusWebhook statusWebhook) throws IOException {
        this.statusWebhook = statusWebhook;
        server = LocalHttpServer.start(port, 4, this::handle);
    }

    public static void main(String[] args) throws Exception {
        int port = 8091;
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
            if (args[i].startsWith("--")) {
                options.put(args[i], args[i + 1]);
            }
        }
        DemoErp erp = new DemoErp(port, OrderStatusWebhook.configured(options));
        System.out.println("demo ERP on http://localhost:" + erp.port() + "/api/v1 with " + erp.catalog.all().size()
                + " parts; demo customers " + DemoOrders.DEMO_PHONES);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            erp.close();
            stop.countDown();
        }));
        stop.await();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public DemoCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            String[] p = path.split("/");
            if (path.equals("/health")) {
                send(exchange, 200, Map.of("status", "UP"));
            } else if (method.equals("GET") && path.equals("/api/v1/catalog")) {
                int page = Integer.parseInt(query.getOrDefault("page", "0"));
                int size = Math.min(500, Integer.parseInt(query.getOrDefault("size", "100")));
                List<Part> all = catalog.all();
                List<Part> items = all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size));
                send(exchange, 200, new Page<>(items, page, size, all.size()));
            } else if (method.equals("GET") && path.equals("/api/v1/catalog/search")) {
                int limit = Math.min(50, Integer.parseInt(query.getOrDefault("limit", "10")));
                send(exchange, 200, catalog.search(query.getOrDefault("q", ""), limit));
            } else if (method.equals("GET") && path.equals("/api/v1/parts/search")) {
                partSearch(exchange, query);
            } else if (method.equals("GET") && path.equals("/api/v1/orders")) {
                int size = Math.max(1, Math.min(50, Integer.parseInt(query.getOrDefault("size", "10"))));
                send(exchange, 200, orders.latest(query.getOrDefault("customerPhone", ""), size));
            } else if (method.equals("GET") && p.length == 5 && path.startsWith("/api/v1/catalog/")) {
                part(exchange, p[4], part -> part);
            } else if (method.equals("GET") && p.length == 5 && path.startsWith("/api/v1/prices/")) {
                long quantity = Long.parseLong(query.getOrDefault("quantity", "1"));
                if (quantity <= 0) {
                    problem(exchange, 422, "quantity must be positive");
                    return;
                }
                part(exchange, p[4], part -> {
                    var unit = catalog.unitPrice(part, quantity);
                    return new Price(part.sku(), quantity, unit, unit.multiply(java.math.BigDecimal.valueOf(quantity)),
                            part.currency(), part.priceBreaks());
                });
            } else if (method.equals("GET") && p.length == 5 && path.startsWith("/api/v1/stock/")) {
                part(exchange, p[4], catalog::stock);
            } else if (method.equals("GET") && p.length == 5 && path.startsWith("/api/v1/orders/")) {
                var order = orders.find(p[4], query.getOrDefault("customerPhone", ""));
                if (order.isPresent()) {
                    send(exchange, 200, order.get());
                } else {
                    problem(exchange, 404, "no order " + p[4] + " for this customer");
                }
            } else if (method.equals("POST") && p.length == 6 && path.startsWith("/api/v1/orders/") && p[5].equals("status")) {
                moveOrder(exchange, p[4]);
            } else if (method.equals("POST") && path.equals("/api/v1/sales-orders")) {
                try {
                    NewOrder request = JSON.readValue(exchange.getRequestBody(), NewOrder.class);
                    send(exchange, 201, orders.create(request));
                } catch (IllegalArgumentException e) {
                    problem(exchange, 422, e.getMessage());
                }
            } else {
                problem(exchange, 404, "no such resource");
            }
        } catch (RuntimeException e) {
            problem(exchange, 400, String.valueOf(e.getMessage()));
        }
    }

    /** Demo and test hook: {@code {"status": "shipped"}} moves the order and posts the signed status webhook. */
    private void moveOrder(HttpExchange exchange, String orderNumber) throws IOException {
        Map<?, ?> request = JSON.readValue(exchange.getRequestBody(), Map.class);
        Object status = request.get("status");
        try {
            var change = orders.moveTo(orderNumber, status instanceof String text ? text.strip() : null);
            if (change.isEmpty()) {
                problem(exchange, 404, "no order " + orderNumber);
                return;
            }
            send(exchange, 200, Map.of("order", change.get().order(), "previousStatus", change.get().previousStatus(),
                    "webhook", statusWebhook.post(change.get().order(), change.get().previousStatus())));
        } catch (IllegalArgumentException e) {
            problem(exchange, 422, e.getMessage());
        }
    }

    /** {@code q} (words, part numbers, sizes), {@code filter=attr:value,attr:value}, {@code page} (0-based), {@code size} ≤ 50. */
    private void partSearch(HttpExchange exchange, Map<String, String> query) throws IOException {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        if (page < 0 || size < 1 || size > 50) {
            problem(exchange, 422, "page must be >= 0 and size 1-50");
            return;
        }
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        for (String f : query.getOrDefault("filter", "").split(",")) {
            int colon = f.indexOf(':');
            if (colon > 0) {
                filters.put(f.substring(0, colon).trim(), f.substring(colon + 1).trim());
            }
        }
        send(exchange, 200, catalog.searcher().search(query.getOrDefault("q", ""), filters, page, size));
    }

    private void part(HttpExchange exchange, String sku, java.util.function.Function<Part, Object> view) throws IOException {
        var part = catalog.find(URLDecoder.decode(sku, StandardCharsets.UTF_8));
        if (part.isPresent()) {
            send(exchange, 200, view.apply(part.get()));
        } else {
            problem(exchange, 404, "no part " + sku);
        }
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        write(exchange, status, JSON.writeValueAsBytes(Map.of("status", status, "title", "ERP error", "detail", detail)));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, JSON.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
