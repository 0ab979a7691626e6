package com.crmfactory.messaging.devstack.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the ERP contract (ai-agent-service/src/main/resources/erp/erp-openapi.yaml). */
public final class ErpModel {

    private ErpModel() {
    }

    public record PriceBreak(long minQuantity, BigDecimal unitPrice) {
    }

    public record Part(String sku, String name, String description, String category, String unit, BigDecimal listPrice,
            String currency, List<PriceBreak> priceBreaks) {
    }

    public record WarehouseStock(String warehouse, String name, long quantity) {
    }

    public record Stock(String sku, long available, List<WarehouseStock> warehouses, int leadTimeDays) {
    }

    public record Price(String sku, long quantity, BigDecimal unitPrice, BigDecimal total, String currency,
            List<PriceBreak> priceBreaks) {
    }

    public record OrderLine(String sku, String description, long quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public record Order(String orderNumber, String customerPhone, String customerName, String status, Instant placedAt,
            LocalDate expectedDelivery, String trackingNumber, String currency, BigDecimal total, List<OrderLine> lines,
            String reference) {
    }

    public record NewOrderLine(String sku, long quantity) {
    }

    public record NewOrder(String customerPhone, String customerName, String reference, List<NewOrderLine> lines) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
