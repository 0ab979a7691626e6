package com.crmfactory.messaging.agent.erp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST connector for the documented ERP contract. Every call goes through the "erp" circuit
 * breaker; reads are also retried (they are safe to repeat), the order creation is not (it carries an
 * idempotency reference instead, so a repeated submit cannot create two orders).
 */
public class RestErpClient implements ErpClient {

    private final ErpProperties properties;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public RestErpClient(ErpProperties properties, CircuitBreaker breaker, Retry retry) {
        this.properties = properties;
        this.breaker = breaker;
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public Optional<Erp.Order> findOrder(String orgId, String orderNumber, String customerPhone) {
        return get(orgId, "/orders/" + enc(orderNumber) + "?customerPhone=" + enc(customerPhone), Erp.Order.class);
    }

    @Override
    public Erp.SearchResult searchParts(String orgId, String query, Map<String, String> filters, int page, int size) {
        String filter = filters.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
        return get(orgId, "/parts/search?q=" + enc(query) + "&page=" + page + "&size=" + size
                + (filter.isEmpty() ? "" : "&filter=" + enc(filter)), Erp.SearchResult.class).orElse(Erp.SearchResult.NONE);
    }

    @Override
    public Optional<Erp.Part> part(String orgId, String sku) {
        return get(orgId, "/catalog/" + enc(sku), Erp.Part.class);
    }

    @Override
    public List<Erp.Order> recentOrders(String orgId, String customerPhone, int size) {
        return read(() -> call(orgId, request("/orders?customerPhone=" + enc(customerPhone) + "&size=" + size).GET()))
                .map(body -> json.readValue(body, new TypeReference<List<Erp.Order>>() {
                })).orElse(List.of());
    }

    @Override
    public Optional<Erp.Price> price(String orgId, String sku, long quantity) {
        return get(orgId, "/prices/" + enc(sku) + "?quantity=" + quantity, Erp.Price.class);
    }

    @Override
    public Optional<Erp.Stock> stock(String orgId, String sku) {
        return get(orgId, "/stock/" + enc(sku), Erp.Stock.class);
    }

    @Override
    public Erp.Order createOrder(String orgId, Erp.NewOrder order) {
        HttpRequest.Builder post = request("/sales-orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(order)));
        String body = guarded(() -> call(orgId, post)).orElseThrow(
                () -> new ErpUnavailableException("the ERP refused the order", null));
        return json.readValue(body, Erp.Order.class);
    }

    private <T> Optional<T> get(String orgId, String path, Class<T> type) {
        return read(() -> call(orgId, request(path).GET())).map(body -> json.readValue(body, type));
    }

    private Optional<String> read(Supplier<Optional<String>> call) {
        return guarded(Retry.decorateSupplier(retry, call));
    }

    private Optional<String> guarded(Supplier<Optional<String>> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (ErpUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ErpUnavailableException("ERP unavailable: " + e.getMessage(), e);
        }
    }

    /** 2xx: the body; 404/422: empty (not found, refused); anything else: unavailable (retried, counted). */
    private Optional<String> call(String orgId, HttpRequest.Builder builder) {
        builder.header("X-Org-Id", orgId);
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + properties.apiKey());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Optional.of(response.body());
            }
            if (status == 404 || status == 422) {
                return Optional.empty();
            }
            throw new ErpUnavailableException("ERP answered " + status, null);
        } catch (IOException e) {
            throw new ErpUnavailableException("ERP unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpUnavailableException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(properties.baseUrl() + path)).timeout(properties.timeout())
                .header("Accept", "application/json");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
