package com.crmfactory.messaging.agent.dialogue;

import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.entity.Entities;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.agent.intent.Intents;
import com.crmfactory.messaging.events.common.OrderDraft;

/** Answers that need the ERP: order status, price, stock and the order draft. Nothing is invented. */
public class ErpAnswers {

    private static final Pattern CONFIRM = Pattern.compile("(?i)\\b(confirm|submit|place (?:the |my )?order|check ?out|go ahead)\\b");
    private static final Pattern SHOW = Pattern.compile("(?i)\\b(show|view|see)\\b.*\\b(draft|cart|basket|order)\\b");
    private static final Pattern REMOVE = Pattern.compile("(?i)\\b(remove|delete|drop|take out)\\b");
    private static final Pattern SET = Pattern.compile("(?i)\\b(add|put|include|change|make it|instead|update|set)\\b");

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

    /** @param action price, stock, price_stock or add */
    void part(String action, Erp.Part part, Long quantity, TurnResult result) {
        SessionContext c = result.session();
        long qty = quantity == null ? 1 : quantity;
        if (action.equals("add")) {
            result.session(drafts.set(c, part, qty));
            OrderDraft draft = result.session().draft();
            result.intent(Intents.PLACE_ORDER, result.confidence()).say("Added " + qty + " × " + part.sku() + ".\n"
                    + Replies.draft(draft)).summary("Draft: " + draft.lines().size() + " lines");
            return;
        }
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
        }
        result.intent(action.equals("stock") ? Intents.ASK_STOCK : Intents.ASK_PRICE, result.confidence())
                .say(text.toString()).summary((action.equals("stock") ? "Stock of " : "Price of ") + qty + " × " + part.sku());
    }

    /** Draft commands: confirm, show, remove a part, add or change a part's quantity. */
    boolean draftCommand(String text, Entities entities, TurnResult result) {
        SessionContext c = result.session();
        boolean hasDraft = !c.draft().lines().isEmpty();
        if (hasDraft && CONFIRM.matcher(text).find() && entities.parts().isEmpty()) {
            Erp.Order order = drafts.submit(c);
            result.session(DraftService.submitted(c, order));
            result.intent(Intents.PLACE_ORDER, 1.0).send(OrderConfirmation.of(c, order))
                    .summary("Order " + order.orderNumber() + " placed (" + order.total() + " " + order.currency() + ")");
            return true;
        }
        if (SHOW.matcher(text).find() && entities.parts().isEmpty() && entities.orderNumber() == null) {
            result.intent(Intents.PLACE_ORDER, 1.0).say(Replies.draft(c.draft())).summary("Showed the draft");
            return true;
        }
        if (hasDraft && REMOVE.matcher(text).find() && entities.onePart()) {
            String sku = entities.parts().get(0).sku();
            boolean removed = DraftService.contains(c.draft(), sku);
            result.session(drafts.remove(c, sku));
            OrderDraft draft = result.session().draft();
            result.intent(Intents.CHANGE_ORDER, 1.0).say((removed ? "Removed " + sku + ".\n"
                    : sku + " was not in your draft.\n") + Replies.draft(draft))
                    .summary("Draft: " + draft.lines().size() + " lines");
            return true;
        }
        if (SET.matcher(text).find() && entities.onePart()) {
            long qty = entities.quantity() == null ? 1 : entities.quantity();
            result.session(drafts.set(c, entities.parts().get(0), qty));
            OrderDraft draft = result.session().draft();
            result.intent(Intents.PLACE_ORDER, 1.0).say("Done: " + qty + " × " + entities.parts().get(0).sku() + ".\n"
                    + Replies.draft(draft)).summary("Draft: " + draft.lines().size() + " lines");
            return true;
        }
        return false;
    }
}
