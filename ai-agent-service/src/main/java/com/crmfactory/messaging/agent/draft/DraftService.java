package com.crmfactory.messaging.agent.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.OrderLine;
import com.crmfactory.messaging.events.common.TemplateRef;

/**
 * The order draft a customer builds in the chat: lines priced by the ERP for their quantity (so a price
 * break applies), submitted to the ERP as a sales order with the session id as idempotency reference.
 */
public class DraftService {

    private final ErpClient erp;

    public DraftService(ErpClient erp) {
        this.erp = erp;
    }

    /** Adds a part, or sets its quantity when it is already in the draft. */
    public void set(SessionContext c, Erp.Part part, long quantity) {
        Erp.Price price = erp.price(c.orgId, part.sku(), quantity)
                .orElseThrow(() -> new IllegalArgumentException("no price for " + part.sku()));
        List<OrderLine> lines = new ArrayList<>(c.draft.lines().stream().filter(l -> !l.sku().equals(part.sku())).toList());
        lines.add(new OrderLine(part.sku(), part.name(), quantity, price.unitPrice()));
        c.draft = recalculated(lines, price.currency());
    }

    public boolean remove(SessionContext c, String sku) {
        List<OrderLine> lines = c.draft.lines().stream().filter(l -> !l.sku().equals(sku)).toList();
        boolean removed = lines.size() != c.draft.lines().size();
        c.draft = recalculated(lines, c.draft.currency());
        return removed;
    }

    public Erp.Order submit(SessionContext c) {
        List<Erp.NewOrderLine> lines = c.draft.lines().stream().map(l -> new Erp.NewOrderLine(l.sku(), l.quantity())).toList();
        Erp.Order order = erp.createOrder(c.orgId, new Erp.NewOrder(c.customerPhone(), c.contactName,
                "chat-" + c.sessionId + "-" + c.lastAnsweredSeq, lines));
        c.draft = new OrderDraft(List.of(), order.currency(), BigDecimal.ZERO, order.orderNumber());
        return order;
    }

    public static TemplateRef confirmation(SessionContext c, Erp.Order order) {
        return new TemplateRef("order_confirmation", null, "en", Map.of(
                "customer_name", c.contactName == null ? "there" : c.contactName,
                "order_number", order.orderNumber(),
                "status", order.status(),
                "total", order.total().toPlainString() + " " + order.currency(),
                "delivery_date", order.expectedDelivery() == null ? "to be confirmed" : order.expectedDelivery().toString()));
    }

    /** {@code order_confirmation}, or the same words as plain text when the org's template cannot be used. */
    private static OrderDraft recalculated(List<OrderLine> lines, String currency) {
        BigDecimal total = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderDraft(lines, currency == null ? "USD" : currency, total, null);
    }
}
