package com.crmfactory.messaging.agent.dialogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveKind;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.TemplateRef;

/** The wording of the offline agent's answers; every figure in them comes from the ERP. */
final class Replies {

    static final String WELCOME_MENU = "welcome_menu";
    static final String ORDER_CONFIRMATION = "order_confirmation";
    static final String PART_SELECTION_LIST = "part_selection_list";

    private Replies() {
    }

    /** The org's {@code welcome_menu}; its three buttons as quick replies when the template cannot be used. */
    static TurnResult.Reply welcome() {
        Interactive buttons = new Interactive(InteractiveKind.QUICK_REPLY,
                "Hi, thanks for reaching out! What can we help you with today?", null, List.of(
                        new InteractiveOption("order_status", "Check an order", null),
                        new InteractiveOption("find_part", "Find a part", null),
                        new InteractiveOption("talk_to_agent", "Talk to a person", null)));
        return new TurnResult.Reply(null, null, new TemplateRef(WELCOME_MENU, null, "en", Map.of()),
                new TurnResult.Reply(null, buttons, null), false);
    }

    static String money(BigDecimal amount, String currency) {
        return amount == null ? "?" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    static String order(Erp.Order o) {
        String lines = o.lines().stream().map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("Order " + o.orderNumber() + " is " + o.status().replace('_', ' ') + " ("
                + lines + "; total " + money(o.total(), o.currency()) + ").");
        if (o.trackingNumber() != null) {
            text.append(" Tracking number: ").append(o.trackingNumber()).append('.');
        }
        if (o.expectedDelivery() != null && !o.status().equals("delivered")) {
            text.append(" Expected delivery: ").append(o.expectedDelivery()).append('.');
        }
        return text.toString();
    }

    static String price(Erp.Part part, Erp.Price price) {
        String text = part.sku() + " (" + part.name() + "): " + money(price.unitPrice(), price.currency()) + " each for "
                + price.quantity() + ", " + money(price.total(), price.currency()) + " in total.";
        if (price.unitPrice().compareTo(part.listPrice()) < 0) {
            text += " That includes the volume price for " + price.quantity() + "+ (list price "
                    + money(part.listPrice(), part.currency()) + ").";
        } else {
            Erp.PriceBreak next = price.priceBreaks().stream().filter(b -> b.minQuantity() > price.quantity()).findFirst()
                    .orElse(null);
            if (next != null) {
                text += " From " + next.minQuantity() + " pieces it is " + money(next.unitPrice(), price.currency()) + " each.";
            }
        }
        return text;
    }

    static String stock(Erp.Part part, Erp.Stock stock, Long wanted) {
        if (stock.available() == 0) {
            return part.sku() + " (" + part.name() + ") is out of stock right now; lead time about " + stock.leadTimeDays()
                    + " days.";
        }
        String where = stock.warehouses().stream().filter(w -> w.quantity() > 0).map(w -> w.quantity() + " in " + w.name())
                .collect(Collectors.joining(", "));
        String text = part.sku() + " (" + part.name() + "): " + stock.available() + " in stock (" + where + ").";
        if (wanted != null && wanted > stock.available()) {
            text += " That is less than the " + wanted + " you asked for; the rest takes about " + stock.leadTimeDays()
                    + " days.";
        }
        return text;
    }

    static String draft(OrderDraft draft) {
        if (draft.lines().isEmpty()) {
            return "Your order draft is empty. Tell me a part and a quantity to add, e.g. \"add 100 BLT-M8X30\".";
        }
        String lines = draft.lines().stream().map(l -> "- " + l.quantity() + " × " + l.sku() + " (" + l.description() + ") at "
                + money(l.unitPrice(), draft.currency())).collect(Collectors.joining("\n"));
        return "Your order draft:\n" + lines + "\nTotal: " + money(draft.total(), draft.currency())
                + ".\nSay \"confirm\" to place it, or change a quantity or remove a line.";
    }

    /**
     * Several matching parts: the org's {@code part_selection_list} template filled with the parts ({@code query},
     * {@code sku_n}, {@code name_n}, {@code detail_n}, n = 1…), carrying the same parts (at most 10) as the
     * interactive list. The template goes out only when the agent's copy knows it and it declares a slot for every
     * part; otherwise the interactive list alone (SMS renders it as a numbered list). Either way each item's id is
     * the SKU, which comes back as the list reply's payload.
     */
    static TurnResult.Reply partSelection(String query, List<Erp.Part> parts) {
        Interactive list = partList(query, parts);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("query", truncate(query, 60));
        List<Erp.Part> offered = parts.stream().limit(Interactive.MAX_OPTIONS).toList();
        for (int i = 0; i < offered.size(); i++) {
            Erp.Part part = offered.get(i);
            variables.put("sku_" + (i + 1), part.sku());
            variables.put("name_" + (i + 1), truncate(part.name(), 24));
            variables.put("detail_" + (i + 1), truncate(part.sku() + (part.listPrice() == null ? ""
                    : " · " + money(part.listPrice(), part.currency())), 72));
        }
        return new TurnResult.Reply(null, list, new TemplateRef(PART_SELECTION_LIST, null, "en", variables),
                new TurnResult.Reply(null, list, null), true);
    }

    /** A list picker of at most 10 parts; each item's id is the SKU, which comes back as the reply payload. */
    static Interactive partList(String query, List<Erp.Part> parts) {
        List<InteractiveOption> options = parts.stream().limit(Interactive.MAX_OPTIONS)
                .map(p -> new InteractiveOption(p.sku(), truncate(p.sku(), 24), truncate(p.name(), 72))).toList();
        return new Interactive(InteractiveKind.LIST_PICKER,
                "We found " + parts.size() + " parts for \"" + truncate(query, 60) + "\". Pick one to continue.",
                "Choose a part", options);
    }

    private static String truncate(String text, int max) {
        String clean = text.replace('\n', ' ').trim();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
