package com.crmfactory.messaging.agent.llm;

import java.util.List;
import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpClient;

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

    private final SessionContext session;
    private final ErpClient erp;
    private final DraftService drafts;
    String escalation;
    Erp.Order submitted;

    ErpTools(SessionContext session, ErpClient erp, DraftService drafts) {
        this.session = session;
        this.erp = erp;
        this.drafts = drafts;
    }

    @Tool("Find one of this customer's orders by its number (SO-123456): status, lines, tracking")
    public String findOrder(@P("order number, e.g. SO-100001") String orderNumber) {
        String number = orderNumber == null ? "" : orderNumber.trim().toUpperCase();
        if (!ORDER.matcher(number).matches()) {
            return "invalid order number";
        }
        return erp.findOrder(session.orgId, number, session.customerPhone()).map(Object::toString)
                .orElse("no such order for this customer");
    }

    @Tool("Search the parts catalogue by words or part number; returns at most 10 parts")
    public List<Erp.Part> searchCatalogue(@P("search words") String query) {
        return query == null || query.isBlank() || query.length() > 100 ? List.of()
                : erp.search(session.orgId, query, 10);
    }

    @Tool("Price of a part (SKU) for a quantity, with price breaks")
    public String price(@P("SKU") String sku, @P("quantity, 1 to 100000") long quantity) {
        if (!validSku(sku) || quantity < 1 || quantity > 100_000) {
            return "invalid sku or quantity";
        }
        return erp.price(session.orgId, sku.trim().toUpperCase(), quantity).map(Object::toString).orElse("unknown sku");
    }

    @Tool("Stock of a part (SKU) per warehouse")
    public String stock(@P("SKU") String sku) {
        return validSku(sku) ? erp.stock(session.orgId, sku.trim().toUpperCase()).map(Object::toString).orElse("unknown sku")
                : "invalid sku";
    }

    @Tool("Add a part to the customer's order draft, or set its quantity")
    public String addToDraft(@P("SKU") String sku, @P("quantity, 1 to 100000") long quantity) {
        if (!validSku(sku) || quantity < 1 || quantity > 100_000) {
            return "invalid sku or quantity";
        }
        return erp.search(session.orgId, sku.trim(), 1).stream().filter(p -> p.sku().equalsIgnoreCase(sku.trim())).findFirst()
                .map(part -> {
                    drafts.set(session, part, quantity);
                    return "draft now: " + session.draft;
                }).orElse("unknown sku");
    }

    @Tool("Remove a part from the customer's order draft")
    public String removeFromDraft(@P("SKU") String sku) {
        return validSku(sku) && drafts.remove(session, sku.trim().toUpperCase()) ? "removed" : "not in the draft";
    }

    @Tool("Submit the customer's order draft to the ERP once the customer confirmed it")
    public String submitDraft() {
        if (session.draft.lines().isEmpty()) {
            return "the draft is empty";
        }
        submitted = drafts.submit(session);
        return "order created: " + submitted.orderNumber();
    }

    @Tool("Hand the conversation to a human colleague")
    public String escalate(@P("short reason") String reason) {
        escalation = reason == null || reason.isBlank() ? "llm_escalation" : reason.trim();
        return "a colleague will take over";
    }

    private static boolean validSku(String sku) {
        return sku != null && SKU.matcher(sku.trim().toUpperCase()).matches();
    }
}
