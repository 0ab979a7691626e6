package com.crmfactory.messaging.agent.dialogue;

import java.util.Map;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.events.common.TemplateRef;

/** The reply confirming a submitted order, shared by the offline and the LLM dialogue. */
public final class OrderConfirmation {

    private OrderConfirmation() {
    }

    /** The {@code order_confirmation} template, with its text for channels without templates. */
    public static TurnResult.Reply of(SessionContext c, Erp.Order order) {
        TemplateRef template = DraftService.confirmation(c, order);
        Map<String, String> v = template.variables();
        String text = "Hi " + v.get("customer_name") + ", your order " + v.get("order_number") + " is " + v.get("status")
                + ". Total: " + v.get("total") + ". Expected delivery: " + v.get("delivery_date") + ".";
        return new TurnResult.Reply(null, null, template, new TurnResult.Reply(text, null, null), false);
    }
}
