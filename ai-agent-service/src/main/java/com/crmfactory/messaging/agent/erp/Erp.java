package com.crmfactory.messaging.agent.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The JSON shapes of the ERP contract ({@code erp/erp-openapi.yaml}); unknown fields are ignored. */
public final class Erp {

    private Erp() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PriceBreak(long minQuantity, BigDecimal unitPrice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(String sku, String name, String description, String category, String unit, BigDecimal listPrice,
            String currency, List<PriceBreak> priceBreaks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WarehouseStock(String warehouse, String name, long quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stock(String sku, long available, List<WarehouseStock> warehouses, int leadTimeDays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(String sku, long quantity, BigDecimal unitPrice, BigDecimal total, String currency,
            List<PriceBreak> priceBreaks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderLine(String sku, String description, long quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(String orderNumber, String customerPhone, String customerName, String status, Instant placedAt,
            LocalDate expectedDelivery, String trackingNumber, String currency, BigDecimal total, List<OrderLine> lines) {
    }

    public record NewOrderLine(String sku, long quantity) {
    }

    public record NewOrder(String customerPhone, String customerName, String reference, List<NewOrderLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Part> items, int page, int size, long total) {
    }

    /** One search hit: the part, its relevance (0–1, 1.5 when its whole SKU was named) and its attributes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SearchHit(Part part, double score, Map<String, String> attributes) {

        public SearchHit {
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    /** A page of hits, best first; {@code total} relevant hits in all; facets: attribute → value → count over them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SearchResult(List<SearchHit> items, int page, int size, long total, Map<String, Map<String, Long>> facets) {

        public static final SearchResult NONE = new SearchResult(List.of(), 0, 0, 0, Map.of());

        public SearchResult {
            items = items == null ? List.of() : items;
            facets = facets == null ? Map.of() : facets;
        }
    }
}
