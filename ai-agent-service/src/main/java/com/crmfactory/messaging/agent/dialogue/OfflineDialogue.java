package com.crmfactory.messaging.agent.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.context.SessionContext.Pending;
import com.crmfactory.messaging.agent.entity.Entities;
import com.crmfactory.messaging.agent.entity.EntityExtractor;
import com.crmfactory.messaging.agent.entity.PartMatcher;
import com.crmfactory.messaging.agent.entity.CatalogueCache;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpUnavailableException;
import com.crmfactory.messaging.agent.intent.IntentClassifier;
import com.crmfactory.messaging.agent.intent.IntentPrediction;
import com.crmfactory.messaging.agent.intent.Intents;

/**
 * The default agent, fully in-process: intent from the embedding classifier, entities from the ERP
 * catalogue, answers from the ERP only. Rules first where words are unambiguous (a person asked for,
 * an order number, a draft command), the classifier for the rest, and a handover when unsure.
 */
public class OfflineDialogue implements Dialogue {

    private static final Pattern HUMAN = Pattern.compile(
            "(?i)\\b(person|human|real (?:agent|person)|someone|somebody|representative|operator|talk to (?:an? )?agent)\\b");

    private final IntentClassifier classifier;
    private final EntityExtractor extractor;
    private final CatalogueCache catalogue;
    private final ErpAnswers answers;
    private final AgentProperties properties;

    public OfflineDialogue(IntentClassifier classifier, EntityExtractor extractor, CatalogueCache catalogue,
            ErpAnswers answers, AgentProperties properties) {
        this.classifier = classifier;
        this.extractor = extractor;
        this.catalogue = catalogue;
        this.answers = answers;
        this.properties = properties;
    }

    @Override
    public TurnResult respond(TurnInput in) {
        SessionContext c = in.session();
        String text = in.text() == null ? "" : in.text();
        IntentPrediction p = text.isBlank() ? new IntentPrediction(Intents.UNKNOWN, 1.0, 1.0) : classifier.classify(text);
        TurnResult result = new TurnResult(c, p.intent(), p.confidence());
        try {
            decide(in, c, text, p, result);
        } catch (ErpUnavailableException e) {
            result.replies().clear();
            result.say("I can't reach our order system right now, so I'm passing you to a colleague who will get back to you.");
            result.escalate("erp_unavailable", handoff(in, result.session(), "the ERP was unavailable for: " + oneLine(text)), null);
            result.summary("ERP unavailable; handed over");
        }
        boolean first = !c.greeted();
        result.session(result.session().withGreeted(true));
        if (first && result.replies().isEmpty() && result.escalation() == null) {
            result.send(Replies.welcome());
        }
        return result;
    }

    /** Reads the session as the turn found it ({@code c}); every change goes to {@code result.session()}. */
    private void decide(TurnInput in, SessionContext c, String text, IntentPrediction p, TurnResult result) {
        String replyId = in.replyId();
        if ("talk_to_agent".equals(replyId) || HUMAN.matcher(text).find() || ((p.intent().equals(Intents.CONTACT_HUMAN)
                || p.intent().equals(Intents.CONTACT_SERVICE)) && p.confidence() >= properties.confidenceThreshold())) {
            result.intent(Intents.CONTACT_HUMAN, p.confidence());
            result.say("Of course, I'm handing you over to a colleague. They'll reply here shortly.");
            result.escalate("customer_request", handoff(in, result.session(), "customer asked for a person"), properties.humanQueue());
            result.summary("Customer asked for a person");
            return;
        }
        if ("order_status".equals(replyId)) {
            pending(result, new Pending("order_status", null));
            result.intent(Intents.TRACK_ORDER, 1.0).say("Sure. What is your order number? (e.g. SO-100001)")
                    .summary("Asked for the order number");
            return;
        }
        if ("find_part".equals(replyId)) {
            pending(result, new Pending("price", null));
            result.intent(Intents.ASK_PRICE, 1.0).say("Which part are you looking for? A part number or a description works.")
                    .summary("Asked which part");
            return;
        }
        PartMatcher matcher = matcher(c, p);
        String withCodes = in.imageCodes().isEmpty() ? text : text + " " + String.join(" ", in.imageCodes());
        Entities entities = extractor.extract(withCodes, matcher);
        if (replyId != null) {
            List<Erp.Part> chosen = matcher.match(replyId.toLowerCase(Locale.ROOT));
            if (chosen.size() == 1) {
                String action = c.pending() == null ? "price" : c.pending().action();
                Long quantity = c.pending() == null ? entities.quantity() : c.pending().quantity();
                pending(result, null);
                answers.part(action, chosen.get(0), quantity, result);
                return;
            }
        }
        if (!in.imageCodes().isEmpty() && entities.onePart()) {
            Erp.Part part = entities.parts().get(0);
            result.intent(Intents.ASK_PRICE, 1.0).say("From your photo I read the barcode " + in.imageCodes().get(0) + ": that is "
                    + part.sku() + " (" + part.name() + ").");
            answers.part("price_stock", part, entities.quantity(), result);
            return;
        }
        if (answers.draftCommand(text, entities, result)) {
            return;
        }
        if (entities.orderNumber() != null) {
            pending(result, null);
            answers.order(entities.orderNumber(), result);
            return;
        }
        if (!entities.parts().isEmpty()) {
            String action = p.intent().equals(Intents.ASK_STOCK) ? "stock" : p.intent().equals(Intents.ASK_PRICE) ? "price"
                    : c.pending() != null ? c.pending().action() : "price_stock";
            if (entities.onePart()) {
                pending(result, null);
                answers.part(action, entities.parts().get(0), entities.quantity(), result);
            } else {
                pending(result, new Pending(action, entities.quantity()));
                result.intent(action.equals("stock") ? Intents.ASK_STOCK : Intents.ASK_PRICE, p.confidence())
                        .send(Replies.partSelection(oneLine(text), entities.parts()))
                        .summary("Several parts match \"" + oneLine(text) + "\"; sent a list of " + Math.min(10, entities.parts().size()));
            }
            return;
        }
        boolean understood = p.similarity() >= properties.minSimilarity() && p.confidence() >= 0.3;
        if (!understood) {
            notUnderstood(in, text, result);
            return;
        }
        result.session(result.session().withNotUnderstood(0));
        if (p.confidence() < properties.confidenceThreshold()) {
            result.say("Let me pass this to a colleague so you get the right answer.");
            result.escalate("low_confidence", handoff(in, result.session(), "unsure what the customer wants (" + p.intent() + "?)"), null);
            result.summary("Low confidence (" + p.intent() + "); handed over");
            return;
        }
        switch (p.intent()) {
            case Intents.GREETING -> {
                if (!c.greeted()) {
                    result.send(Replies.welcome());
                } else {
                    result.say("Hi again! How can I help? You can ask for an order status, a price or stock of a part.");
                }
                result.summary("Greeting");
            }
            case Intents.THANKS -> result.say("You're welcome! Anything else, just write here.").summary("Thanks / goodbye");
            case Intents.TRACK_ORDER, Intents.CHANGE_ORDER, Intents.CANCEL_ORDER -> {
                pending(result, new Pending("order_status", null));
                result.say("Sure. What is your order number? (e.g. SO-100001)").summary("Asked for the order number");
            }
            case Intents.ASK_PRICE, Intents.ASK_STOCK, Intents.PLACE_ORDER -> {
                String action = p.intent().equals(Intents.ASK_STOCK) ? "stock" : p.intent().equals(Intents.ASK_PRICE) ? "price" : "add";
                pending(result, new Pending(action, entities.quantity()));
                result.say("Which part? Send me the part number (e.g. BRG-6204-2RS) or a description.").summary("Asked which part");
            }
            default -> {
                result.say("Thanks, I'm passing this to a colleague who can help with that.");
                result.escalate("out_of_scope", handoff(in, result.session(), p.intent().replace('_', ' ') + " request"), null);
                result.summary(p.intent().replace('_', ' ') + "; handed over");
            }
        }
    }

    /**
     * The org's catalogue for part matching. With the ERP down and no copy cached, a greeting or a thank-you
     * still gets its answer (no part can be in it); anything else may need the ERP, so the outage surfaces.
     */
    private PartMatcher matcher(SessionContext c, IntentPrediction p) {
        try {
            return catalogue.matcher(c.orgId());
        } catch (ErpUnavailableException e) {
            if ((p.intent().equals(Intents.GREETING) || p.intent().equals(Intents.THANKS))
                    && p.confidence() >= properties.confidenceThreshold()) {
                return new PartMatcher(List.of());
            }
            throw e;
        }
    }

    private void notUnderstood(TurnInput in, String text, TurnResult result) {
        int inARow = result.session().notUnderstood() + 1;
        result.intent(Intents.UNKNOWN, result.confidence());
        if (inARow >= properties.notUnderstoodLimit()) {
            result.say("Sorry, I still don't understand. A colleague will take over.");
            result.escalate("not_understood", handoff(in, result.session(), inARow + " messages not understood"), null);
            result.summary("Not understood twice; handed over");
            result.session(result.session().withNotUnderstood(0));
        } else {
            result.session(result.session().withNotUnderstood(inARow));
            result.say("Sorry, I didn't understand that. You can ask about an order (e.g. \"where is SO-100001\"), "
                    + "a price or the stock of a part, or ask for a person.");
            result.summary("Not understood: " + oneLine(text));
        }
    }

    private static void pending(TurnResult result, Pending pending) {
        result.session(result.session().withPending(pending));
    }

    /** The handoff summary a person reads first: why, the customer's last messages, the draft. */
    static String handoff(TurnInput in, SessionContext now, String why) {
        StringBuilder s = new StringBuilder(why).append(". Last messages: ");
        in.history().stream().filter(m -> "CUSTOMER".equals(m.author()) && m.body() != null).skip(
                Math.max(0, in.history().stream().filter(m -> "CUSTOMER".equals(m.author()) && m.body() != null).count() - 3))
                .forEach(m -> s.append('"').append(oneLine(m.body())).append("\" "));
        if (!now.draft().lines().isEmpty()) {
            s.append("Draft: ").append(now.draft().lines().size()).append(" lines.");
        }
        return s.toString().trim();
    }

    static String oneLine(String text) {
        String t = text.replace('\n', ' ').trim();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }
}
