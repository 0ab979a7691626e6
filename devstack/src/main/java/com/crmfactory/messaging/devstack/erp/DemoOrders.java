package com.crmfactory.messaging.devstack.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.crmfactory.messaging.devstack.erp.ErpModel.NewOrder;
import com.crmfactory.messaging.devstack.erp.ErpModel.NewOrderLine;
import com.crmfactory.messaging.devstack.erp.ErpModel.Order;
import com.crmfactory.messaging.devstack.erp.ErpModel.OrderLine;
import com.crmfactory.messaging.devstack.erp.ErpModel.Part;

/**
 * Sales orders: a seeded set in every status for the demo customers, plus the ones the agent submits.
 * An order is visible only to the customer it belongs to (by phone number).
 */
public final class DemoOrders {

    /** Demo customers whose phones own the seeded orders ({@code ./omni send --from +15550100001 ...}). */
    public static final List<String> DEMO_PHONES = List.of("+15550100001", "+15550100002", "+15550100003");
    static final List<String> STATUSES = List.of("received", "processing", "shipped", "delivered", "on_hold", "cancelled");

    private final DemoCatalog catalog;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(200001);

    public DemoOrders(DemoCatalog catalog) {
        this.catalog = catalog;
        seed();
    }

    private void seed() {
        List<Part> parts = catalog.all();
        Instant base = Instant.parse("2025-01-06T09:00:00Z");
        for (int i = 0; i < 12; i++) {
            String status = STATUSES.get(i % STATUSES.size());
            String phone = DEMO_PHONES.get(i % DEMO_PHONES.size());
            List<NewOrderLine> lines = List.of(new NewOrderLine(parts.get((i * 17) % parts.size()).sku(), 10L + i * 15),
                    new NewOrderLine(parts.get((i * 31 + 5) % parts.size()).sku(), 2L + i));
            Instant placed = base.plus(i * 3L, ChronoUnit.DAYS);
            String tracking = status.equals("shipped") || status.equals("delivered") ? "1Z999AA1" + (1000000 + i * 7919) : null;
            orders.put("SO-" + (100001 + i), build("SO-" + (100001 + i), phone, "Demo customer " + (i % 3 + 1), status,
                    placed, tracking, lines, null));
        }
    }

    /** The customer's orders, newest first (for "the same as last time"). */
    public List<Order> latest(String customerPhone, int size) {
        return orders.values().stream().filter(o -> o.customerPhone().equals(customerPhone))
                .sorted(java.util.Comparator.comparing(Order::placedAt).reversed().thenComparing(Order::orderNumber,
                        java.util.Comparator.reverseOrder())).limit(size).toList();
    }

    public Optional<Order> find(String orderNumber, String customerPhone) {
        Order order = orders.get(orderNumber.trim().toUpperCase());
        return order != null && order.customerPhone().equals(customerPhone) ? Optional.of(order) : Optional.empty();
    }

    /** An order's move to a new status, with the status it had. */
    public record StatusChange(Order order, String previousStatus) {
    }

    /**
     * Moves an order to {@code status} (one of {@link #STATUSES}); a shipped order gets a tracking number. Empty for
     * an unknown order.
     *
     * @throws IllegalArgumentException for an unknown status or the status the order already has
     */
    public Optional<StatusChange> moveTo(String orderNumber, String status) {
        if (status == null || !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        String key = orderNumber.trim().toUpperCase();
        Order[] previous = new Order[1];
        Order moved = orders.computeIfPresent(key, (number, o) -> {
            if (o.status().equals(status)) {
                throw new IllegalArgumentException(number + " is already " + status);
            }
            previous[0] = o;
            String tracking = o.trackingNumber() == null && status.equals("shipped")
                    ? "1Z999AA1" + Math.abs(number.hashCode() % 10_000_000) : o.trackingNumber();
            return new Order(o.orderNumber(), o.customerPhone(), o.customerName(), status, o.placedAt(),
                    o.expectedDelivery(), tracking, o.currency(), o.total(), o.lines(), o.reference());
        });
        return moved == null ? Optional.empty() : Optional.of(new StatusChange(moved, previous[0].status()));
    }

    /** @throws IllegalArgumentException for an unknown SKU, a non-positive quantity or no lines */
    public Order create(NewOrder request) {
        if (request.customerPhone() == null || request.customerPhone().isBlank()) {
            throw new IllegalArgumentException("customerPhone is required");
        }
        if (request.lines() == null || request.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (request.reference() != null) {
            Optional<Order> same = orders.values().stream().filter(o -> request.reference().equals(o.reference())).findFirst();
            if (same.isPresent()) {
                return same.get(); // idempotent: the agent may retry a submission it did not see answered
            }
        }
        String number = "SO-" + next.getAndIncrement();
        Order order = build(number, request.customerPhone(), request.customerName(), "received", Instant.now(), null,
                request.lines(), request.reference());
        orders.put(number, order);
        return order;
    }

    private Order build(String number, String phone, String name, String status, Instant placed, String tracking,
            List<NewOrderLine> requested, String reference) {
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (NewOrderLine line : requested) {
            if (line.quantity() <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + line.sku());
            }
            Part part = catalog.find(line.sku()).orElseThrow(() -> new IllegalArgumentException("unknown sku " + line.sku()));
            BigDecimal unit = catalog.unitPrice(part, line.quantity());
            BigDecimal lineTotal = unit.multiply(BigDecimal.valueOf(line.quantity()));
            total = total.add(lineTotal);
            lines.add(new OrderLine(part.sku(), part.name(), line.quantity(), unit, lineTotal));
        }
        LocalDate expected = status.equals("cancelled") ? null : LocalDate.ofInstant(placed, ZoneOffset.UTC).plusDays(5);
        return new Order(number, phone, name, status, placed, expected, tracking, DemoCatalog.CURRENCY, total,
                List.copyOf(lines), reference);
    }
}
