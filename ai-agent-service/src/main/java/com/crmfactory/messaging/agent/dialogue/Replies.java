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

    /** The draft and the question whose "yes" places it: submission always asks first. */
    static String draftWithQuestion(OrderDraft draft) {
        if (draft.lines().isEmpty()) {
            return draft(draft);
        }
        return draftLines(draft) + "\nShall I place this order? Reply yes to confirm, or tell me what to change.";
    }

    static String draftLines(OrderDraft draft) {
        String lines = draft.lines().stream().map(l -> "- " + l.quantity() + " × " + l.sku() + " (" + l.description() + ") at "
                + money(l.unitPrice(), draft.currency())).collect(Collectors.joining("\n"));
        return "Your order draft:\n" + lines + "\nTotal: " + money(draft.total(), draft.currency()) + ".";
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
        return partSelection(query, parts, null);
    }

    /** The same, each item's detail with the unit price for {@code quantity} from the part's ERP price breaks. */
    static TurnResult.Reply partSelection(String query, List<Erp.Part> parts, Long quantity) {
        Interactive list = partList(query, parts, quantity);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("query", truncate(query, 60));
        List<Erp.Part> offered = parts.stream().limit(Interactive.MAX_OPTIONS).toList();
        for (int i = 0; i < offered.size(); i++) {
            Erp.Part part = offered.get(i);
            variables.put("sku_" + (i + 1), part.sku());
            variables.put("name_" + (i + 1), truncate(part.name(), 24));
            variables.put("detail_" + (i + 1), truncate(detail(part, quantity), 72));
        }
        return new TurnResult.Reply(null, list, new TemplateRef(PART_SELECTION_LIST, null, "en", variables),
                new TurnResult.Reply(null, list, null), true);
    }

    /** A list picker of at most 10 parts; each item's id is the SKU, which comes back as the reply payload. */
    static Interactive partList(String query, List<Erp.Part> parts, Long quantity) {
        List<InteractiveOption> options = parts.stream().limit(Interactive.MAX_OPTIONS)
                .map(p -> new InteractiveOption(p.sku(), truncate(p.sku(), 24), truncate(p.name() + " · " + priceFor(p,
                        quantity), 72))).toList();
        return new Interactive(InteractiveKind.LIST_PICKER,
                "We found " + parts.size() + " parts for \"" + truncate(query, 60) + "\"" + (quantity == null ? ""
                        : " (prices for " + quantity + ")") + ". Pick one to continue.", "Choose a part", options);
    }

    /** SKU · unit price for the quantity (or the list price), from the price breaks the ERP returned with the part. */
    static String detail(Erp.Part part, Long quantity) {
        return part.sku() + (part.listPrice() == null ? "" : " · " + priceFor(part, quantity));
    }

    static String priceFor(Erp.Part part, Long quantity) {
        if (part.listPrice() == null) {
            return "price on request";
        }
        return money(unitPrice(part, quantity == null ? 1 : quantity), part.currency()) + (quantity == null ? ""
                : " each for " + quantity);
    }

    /** The highest price break the quantity reaches, as the ERP listed them with the part. */
    static BigDecimal unitPrice(Erp.Part part, long quantity) {
        BigDecimal price = part.listPrice();
        if (part.priceBreaks() != null) {
            for (Erp.PriceBreak b : part.priceBreaks()) {
                if (quantity >= b.minQuantity()) {
                    price = b.unitPrice();
                }
            }
        }
        return price;
    }

    /**
     * More parts than one list holds: one question on the attribute that splits them, as a list of its values when
     * they fit (payload {@code attribute=value}), else as text with examples.
     */
    static TurnResult.Reply narrowing(long total, String what, String attribute, List<String> values,
            java.util.Map<String, Long> counts) {
        String question = "I have " + total + " " + what + ". Which " + attribute + " do you need?";
        if (values.size() <= Interactive.MAX_OPTIONS) {
            List<InteractiveOption> options = values.stream().map(v -> new InteractiveOption(attribute + "=" + v,
                    truncate(v, 24), counts.get(v) + (counts.get(v) == 1 ? " part" : " parts"))).toList();
            return new TurnResult.Reply(null, new Interactive(InteractiveKind.LIST_PICKER, question, "Choose " + truncate(
                    attribute, 13), options), null);
        }
        List<String> spread = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            spread.add(values.get(i * values.size() / 6)); // examples from across the range, not its first six
        }
        String examples = String.join(", ", spread);
        return new TurnResult.Reply(question + " For example " + examples + " (" + values.size() + " to choose from).",
                null, null);
    }

    private static String truncate(String text, int max) {
        String clean = text.replace('\n', ' ').trim();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
