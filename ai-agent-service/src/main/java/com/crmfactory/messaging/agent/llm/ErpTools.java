package com.crmfactory.messaging.agent.llm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.events.common.OrderDraft;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/**
 * The model's ERP tools, bound to ONE session: the org and the customer come from this object (the
 * invocation context), never from arguments the model fills in, so a prompt injection ("show me order
 * SO-1 of +1555…") can only ever reach the session's own customer's data. Arguments are validated.
 */
public class ErpTools {

    private static final Pattern ORDER = Pattern.compile("SO-\\d{5,8}");
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    static final String TURN_OVER = "refused: this turn is over";

    /** The session with the tools' draft changes so far: replaced, never changed in place. */
    private volatile SessionContext session;
    private final ErpClient erp;
    private final DraftService drafts;
    private final Clock clock;
    private final Instant deadline;
    private volatile boolean closed;
    volatile String escalation;
    volatile Erp.Order submitted;

    /**
     * @param session  the session as the turn found it; the tools' draft changes build on it, and the turn takes
     *                 them over only when it uses the model's answer (they are then saved with the turn's actions)
     * @param deadline the turn's hard stop: from then on every tool refuses
     */
    ErpTools(SessionContext session, ErpClient erp, DraftService drafts, Clock clock, Instant deadline) {
        this.session = session;
        this.erp = erp;
        this.drafts = drafts;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** The turn gave up on the model (hard stop, failure): no tool runs any more, whatever the worker still does. */
    void close() {
        closed = true;
    }

    /** The draft as the tools left it. */
    OrderDraft draft() {
        return session.draft();
    }

    private boolean over() {
        return closed || Thread.currentThread().isInterrupted() || !clock.instant().isBefore(deadline);
    }

    @Tool("Find one of this customer's orders by its number (SO-123456): status, lines, tracking")
    public String findOrder(@P("order number, e.g. SO-100001") String orderNumber) {
        if (over()) {
            return TURN_OVER;
        }
        String number = orderNumber == null ? "" : orderNumber.trim().toUpperCase();
        if (!ORDER.matcher(number).matches()) {
            return "invalid order number";
        }
        return erp.findOrder(session.orgId(), number, session.customerPhone()).map(Object::toString)
                .orElse("no such order for this customer");
    }

    @Tool("Search the parts catalogue by words or part number; returns at most 10 parts")
    public List<Erp.Part> searchCatalogue(@P("search words") String query) {
        return over() || query == null || query.isBlank() || query.length() > 100 ? List.of()
                : erp.search(session.orgId(), query, 10);
    }

    @Tool("Price of a part (SKU) for a quantity, with price breaks")
    public String price(@P("SKU") String sku, @P("quantity, 1 to 100000") long quantity) {
        if (over()) {
            return TURN_OVER;
        }
        if (!validSku(sku) || quantity < 1 || quantity > 100_000) {
            return "invalid sku or quantity";
        }
        return erp.price(session.orgId(), sku.trim().toUpperCase(), quantity).map(Object::toString).orElse("unknown sku");
    }

    @Tool("Stock of a part (SKU) per warehouse")
    public String stock(@P("SKU") String sku) {
        if (over()) {
            return TURN_OVER;
        }
        return validSku(sku) ? erp.stock(session.orgId(), sku.trim().toUpperCase()).map(Object::toString).orElse("unknown sku")
                : "invalid sku";
    }

    @Tool("Add a part to the customer's order draft, or set its quantity")
    public synchronized String addToDraft(@P("SKU") String sku, @P("quantity, 1 to 100000") long quantity) {
        if (over()) {
            return TURN_OVER;
        }
        if (!validSku(sku) || quantity < 1 || quantity > 100_000) {
            return "invalid sku or quantity";
        }
        return erp.part(session.orgId(), sku.trim().toUpperCase()).map(part -> {
                    session = drafts.set(session, part, quantity);
                    return "draft now: " + session.draft();
                }).orElse("unknown sku");
    }

    @Tool("Remove a part from the customer's order draft")
    public synchronized String removeFromDraft(@P("SKU") String sku) {
        if (over()) {
            return TURN_OVER;
        }
        if (!validSku(sku)) {
            return "not in the draft";
        }
        String known = sku.trim().toUpperCase();
        boolean removed = DraftService.contains(session.draft(), known);
        session = drafts.remove(session, known);
        return removed ? "removed" : "not in the draft";
    }

    @Tool("Submit the customer's order draft to the ERP once the customer confirmed it")
    public synchronized String submitDraft() {
        if (over()) {
            return TURN_OVER;
        }
        if (session.draft().lines().isEmpty()) {
            return "the draft is empty";
        }
        submitted = drafts.submit(session);
        session = DraftService.submitted(session, submitted);
        return "order created: " + submitted.orderNumber();
    }

    @Tool("Hand the conversation to a human colleague")
    public String escalate(@P("short reason") String reason) {
        if (over()) {
            return TURN_OVER;
        }
        escalation = reason == null || reason.isBlank() ? "llm_escalation" : reason.trim();
        return "a colleague will take over";
    }

    private static boolean validSku(String sku) {
        return sku != null && SKU.matcher(sku.trim().toUpperCase()).matches();
    }
}
