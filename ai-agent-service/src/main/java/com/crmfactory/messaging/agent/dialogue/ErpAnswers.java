package com.crmfactory.messaging.agent.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.context.SessionContext.Pending;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.agent.intent.Intents;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.OrderLine;

/**
 * Answers that need the ERP: order status, price, stock and the order draft. Nothing is invented: every figure comes
 * from an ERP answer. Every draft change shows the draft and asks whether to place it; only a "yes" to that
 * question (or a "confirm" right after it) submits.
 */
public class ErpAnswers {

    private final ErpClient erp;
    private final DraftService drafts;

    public ErpAnswers(ErpClient erp, DraftService drafts) {
        this.erp = erp;
        this.drafts = drafts;
    }

    void order(String number, TurnResult result) {
        SessionContext c = result.session();
        result.intent(Intents.TRACK_ORDER, result.confidence());
        erp.findOrder(c.orgId(), number, c.customerPhone()).ifPresentOrElse(
                o -> result.say(Replies.order(o)).summary("Order " + number + ": " + o.status()),
                () -> result.say("I couldn't find order " + number + " for your number. Please check the order number.")
                        .summary("Order " + number + " not found"));
    }

    /**
     * One part: price and/or stock, then the offer to add it (a "yes" adds); or, for {@code add}, straight into the
     * draft (asking how many when no quantity was given).
     *
     * @param action price, stock, price_stock or add
     */
    void part(String action, Erp.Part part, Long quantity, TurnResult result) {
        SessionContext c = result.session();
        if (action.equals("add")) {
            if (quantity == null) {
                result.session(c.withPending(new Pending("quantity", null, null, null, null, part.sku(), null)));
                result.intent(Intents.PLACE_ORDER, result.confidence()).say("How many " + part.sku() + " (" + part.name()
                        + ") would you like?").summary("Asked the quantity of " + part.sku());
                return;
            }
            set(part, quantity, "Added " + quantity + " × " + part.sku() + ".", result);
            return;
        }
        long qty = quantity == null ? 1 : quantity;
        StringBuilder text = new StringBuilder();
        if (!action.equals("stock")) {
            erp.price(c.orgId(), part.sku(), qty).ifPresent(price -> text.append(Replies.price(part, price)));
        }
        if (!action.equals("price")) {
            erp.stock(c.orgId(), part.sku()).ifPresent(stock -> text.append(text.isEmpty() ? "" : "\n")
                    .append(Replies.stock(part, stock, quantity)));
        }
        if (text.isEmpty()) {
            text.append("I couldn't get the details of ").append(part.sku()).append(" from our system.");
            result.session(c.withPending(Pending.idle(part.sku())));
        } else if (quantity != null) {
            text.append("\nShall I add ").append(quantity).append(" to your order? Reply yes to add them.");
            result.session(c.withPending(new Pending("offer_add", quantity, null, null, null, part.sku(), null)));
        } else {
            text.append("\nTo order, tell me how many (e.g. \"add 10\").");
            result.session(c.withPending(new Pending("offer_add", null, null, null, null, part.sku(), null)));
        }
        result.intent(action.equals("stock") ? Intents.ASK_STOCK : Intents.ASK_PRICE, result.confidence())
                .say(text.toString()).summary((action.equals("stock") ? "Stock of " : "Price of ") + qty + " × " + part.sku());
    }

    /** Sets the part's quantity in the draft (adding the line), shows the draft and asks whether to place it. */
    void set(Erp.Part part, long quantity, String said, TurnResult result) {
        SessionContext c = result.session();
        long before = c.draft().lines().stream().filter(l -> l.sku().equals(part.sku())).mapToLong(OrderLine::quantity)
                .findFirst().orElse(0);
        SessionContext changed = drafts.set(c, part, quantity);
        showDraft(said, changed, part.sku(), before, result);
    }

    /** Several lines at once ("20 M8 nuts and 10 6204 bearings"). */
    void setAll(List<Erp.Part> parts, List<Long> quantities, TurnResult result) {
        SessionContext c = result.session();
        StringBuilder said = new StringBuilder("Added ");
        for (int i = 0; i < parts.size(); i++) {
            c = drafts.set(c, parts.get(i), quantities.get(i));
            said.append(i == 0 ? "" : i == parts.size() - 1 ? " and " : ", ").append(quantities.get(i)).append(" × ")
                    .append(parts.get(i).sku());
        }
        showDraft(said + ".", c, null, null, result);
    }

    void remove(String sku, TurnResult result) {
        SessionContext c = result.session();
        Optional<OrderLine> line = c.draft().lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
        if (line.isEmpty()) {
            result.intent(Intents.CHANGE_ORDER, 1.0).say(sku + " is not in your draft.\n" + Replies.draft(c.draft()))
                    .summary(sku + " not in the draft");
            return;
        }
        showDraft("Removed " + sku + ".", drafts.remove(c, sku), sku, line.get().quantity(), result);
    }

    /** "cancel that": the last draft change undone. */
    void undo(TurnResult result) {
        SessionContext c = result.session();
        Pending p = c.pending();
        if (p == null || p.sku() == null || p.undoQuantity() == null) {
            result.intent(Intents.PLACE_ORDER, 1.0).say("OK, nothing changed.\n" + Replies.draft(c.draft()))
                    .session(c.withPending(Pending.idle(c.lastSku()))).summary("Nothing to undo");
            return;
        }
        SessionContext undone = p.undoQuantity() == 0 ? drafts.remove(c, p.sku())
                : erp.part(c.orgId(), p.sku()).map(part -> drafts.set(c, part, p.undoQuantity())).orElse(c);
        String what = p.undoQuantity() == 0 ? "OK, I took " + p.sku() + " out again."
                : "OK, " + p.sku() + " is back to " + p.undoQuantity() + ".";
        result.session(undone.withPending(Pending.idle(p.sku())));
        result.intent(Intents.CHANGE_ORDER, 1.0).say(what + "\n" + (undone.draft().lines().isEmpty()
                ? "Your order draft is empty now." : Replies.draftLines(undone.draft())))
                .summary("Undid the last change; draft: " + undone.draft().lines().size() + " lines");
    }

    void showDraft(TurnResult result) {
        SessionContext c = result.session();
        if (c.draft().lines().isEmpty()) {
            result.intent(Intents.PLACE_ORDER, 1.0).say(Replies.draft(c.draft())).summary("Showed the empty draft");
            return;
        }
        result.session(c.withPending(new Pending("confirm_submit", null, null, null, null, c.lastSku(), null)));
        result.intent(Intents.PLACE_ORDER, 1.0).say(Replies.draftWithQuestion(c.draft())).summary("Showed the draft");
    }

    /** Places the draft: only after the customer said yes to the question showing it. */
    void submit(TurnResult result) {
        SessionContext c = result.session();
        Erp.Order order = drafts.submit(c);
        result.session(DraftService.submitted(c, order).withPending(Pending.idle(null)));
        result.intent(Intents.PLACE_ORDER, 1.0).send(OrderConfirmation.of(c, order))
                .summary("Order " + order.orderNumber() + " placed (" + order.total() + " " + order.currency() + ")");
    }

    /** "The same as last time": the customer's last ERP order copied into the draft (today's prices). */
    void repeatLastOrder(TurnResult result) {
        SessionContext c = result.session();
        List<Erp.Order> last = erp.recentOrders(c.orgId(), c.customerPhone(), 1);
        if (last.isEmpty()) {
            result.intent(Intents.PLACE_ORDER, 1.0).say("I couldn't find an earlier order for your number. Which parts "
                    + "would you like?").summary("No earlier order to repeat");
            return;
        }
        Erp.Order order = last.get(0);
        SessionContext changed = c;
        List<String> missing = new ArrayList<>();
        for (Erp.OrderLine line : order.lines()) {
            Optional<Erp.Part> part = erp.part(c.orgId(), line.sku());
            if (part.isPresent()) {
                changed = drafts.set(changed, part.get(), line.quantity());
            } else {
                missing.add(line.sku());
            }
        }
        showDraft("Here is your last order " + order.orderNumber() + " again" + (missing.isEmpty() ? ""
                : " (no longer available: " + String.join(", ", missing) + ")") + ".", changed, null, null, result);
    }

    private void showDraft(String said, SessionContext changed, String sku, Long undoQuantity, TurnResult result) {
        OrderDraft draft = changed.draft();
        result.session(changed.withPending(new Pending("confirm_submit", null, null, null, null, sku, undoQuantity)));
        result.intent(Intents.PLACE_ORDER, 1.0).say(said + "\n" + Replies.draftWithQuestion(draft))
                .summary("Draft: " + draft.lines().size() + " lines, total " + draft.total() + " " + draft.currency());
    }
}
