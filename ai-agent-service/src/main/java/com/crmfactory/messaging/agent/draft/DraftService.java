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

    /** The session with the part added to its draft, or with the part's quantity set when it is already there. */
    public SessionContext set(SessionContext c, Erp.Part part, long quantity) {
        Erp.Price price = erp.price(c.orgId(), part.sku(), quantity)
                .orElseThrow(() -> new IllegalArgumentException("no price for " + part.sku()));
        List<OrderLine> lines = new ArrayList<>(c.draft().lines().stream().filter(l -> !l.sku().equals(part.sku())).toList());
        lines.add(new OrderLine(part.sku(), part.name(), quantity, price.unitPrice()));
        return c.withDraft(recalculated(lines, price.currency()));
    }

    /** The session without the part in its draft (see {@link #contains} for whether it was there). */
    public SessionContext remove(SessionContext c, String sku) {
        List<OrderLine> lines = c.draft().lines().stream().filter(l -> !l.sku().equals(sku)).toList();
        return c.withDraft(recalculated(lines, c.draft().currency()));
    }

    public static boolean contains(OrderDraft draft, String sku) {
        return draft.lines().stream().anyMatch(l -> l.sku().equals(sku));
    }

    /** Creates the sales order; the session's draft is then {@link #submitted}. */
    public Erp.Order submit(SessionContext c) {
        List<Erp.NewOrderLine> lines = c.draft().lines().stream().map(l -> new Erp.NewOrderLine(l.sku(), l.quantity())).toList();
        return erp.createOrder(c.orgId(), new Erp.NewOrder(c.customerPhone(), c.contactName(),
                "chat-" + c.sessionId() + "-" + c.lastAnsweredSeq(), lines));
    }

    /** The session after its draft became {@code order}: an empty draft remembering the order number. */
    public static SessionContext submitted(SessionContext c, Erp.Order order) {
        return c.withDraft(new OrderDraft(List.of(), order.currency(), BigDecimal.ZERO, order.orderNumber()));
    }

    public static TemplateRef confirmation(SessionContext c, Erp.Order order) {
        return new TemplateRef("order_confirmation", null, "en", Map.of(
                "customer_name", c.contactName() == null ? "there" : c.contactName(),
                "order_number", order.orderNumber(),
                "status", order.status(),
                "total", order.total().toPlainString() + " " + order.currency(),
                "delivery_date", order.expectedDelivery() == null ? "to be confirmed" : order.expectedDelivery().toString()));
    }

    /** A draft of these lines with its total (no longer the submitted order's). */
    private static OrderDraft recalculated(List<OrderLine> lines, String currency) {
        BigDecimal total = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderDraft(lines, currency == null ? "USD" : currency, total, null);
    }
}
