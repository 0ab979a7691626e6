package com.crmfactory.messaging.agent.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.context.SessionContext.Option;
import com.crmfactory.messaging.agent.context.SessionContext.Pending;
import com.crmfactory.messaging.agent.entity.Entities;
import com.crmfactory.messaging.agent.entity.EntityExtractor;
import com.crmfactory.messaging.agent.entity.Finding;
import com.crmfactory.messaging.agent.entity.PartFinder;
import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpUnavailableException;
import com.crmfactory.messaging.agent.intent.IntentClassifier;
import com.crmfactory.messaging.agent.intent.IntentPrediction;
import com.crmfactory.messaging.agent.intent.Intents;
import com.crmfactory.messaging.events.common.OrderLine;

/**
 * The default agent, fully in-process: intent from the embedding classifier, parts from the ERP's search, answers
 * from the ERP only. In this order: buttons and list picks; a person asked for (with the topic kept apart); short
 * answers in context (a list number, yes / no, "cancel that", a quantity asked for); draft commands; an order
 * number; parts named (one → price/stock/add, 2–10 → a list, more → one narrowing question); otherwise the intent,
 * and a handover when unsure.
 */
public class OfflineDialogue implements Dialogue {

    private static final Pattern HUMAN = Pattern.compile("(?i)\\b(person|human|real (?:agent|person)|someone|somebody|"
            + "representative|operator|talk to (?:an? )?agent|(?:ask|speak to|speak with|connect me (?:to|with)|get me|"
            + "need|want) (?:an?|the|your|some) (?:agent|colleague|staff member|manager))\\b");
    /** The part of a request for a person that names the person, so what is left is the topic. */
    private static final Pattern HUMAN_PHRASE = Pattern.compile("(?i)\\b(?:could|can|would|will)?\\s*(?:you\\s+)?(?:please\\s+)?"
            + "(?:ask|talk to|speak to|speak with|connect me (?:to|with)|get me|put me through to|i want|i need|i'?d like|"
            + "let me talk to|transfer me to)?\\s*(?:to\\s+)?(?:an?|the|your|a real|some)?\\s*(?:real\\s+)?(?:agent|person|human|"
            + "someone|somebody|representative|operator|colleague|staff member|manager)s?\\b");
    private static final Pattern ADD = Pattern.compile("(?i)\\b(buy|order|purchase|add|put|include|take|i'?ll have|"
            + "i'?d like|i would like|we'?d like|we would like|"
            + "we'?ll have|send me|get me|i'?d like to get|want to get|like to get|book)\\b");
    private static final Pattern SUBMIT = Pattern.compile("(?i)\\b(confirm|submit|place (?:the |my |this )?order|check ?out|"
            + "that'?s all|that is all|go ahead)\\b");
    private static final Pattern SHOW = Pattern.compile("(?i)\\b(show|view|see|what'?s in|what is in)\\b.*\\b(draft|cart|basket|"
            + "order so far)\\b");
    private static final Pattern REMOVE = Pattern.compile("(?i)\\b(remove|delete|drop|take out|take off)\\b");
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(change|make|set|update|instead)\\b");
    private static final Pattern STOCK_WORDS = Pattern.compile("(?i)\\b(stock|available|availability|in store|have any|"
            + "do you have|left|lead time)\\b");
    private static final Pattern PRICE_WORDS = Pattern.compile("(?i)\\b(price|prices|cost|costs|how much|quote|pricing)\\b");
    /** A SKU written the way catalogues print it (BRG-6204-2RS), not an order number (SO-100001). */
    private static final Pattern SKU = Pattern.compile("\\b(?!SO-\\d)[A-Z]{2,5}-[A-Z0-9]{2,}(?:-[A-Z0-9]+)*\\b");
    private static final Pattern SPLIT = Pattern.compile("(?i)\\s*(?:,|;|\\band\\b|\\bplus\\b|&|\\n)\\s*");

    private final IntentClassifier classifier;
    private final EntityExtractor extractor;
    private final PartFinder finder;
    private final ErpAnswers answers;
    private final AgentProperties properties;

    public OfflineDialogue(IntentClassifier classifier, EntityExtractor extractor, PartFinder finder, ErpAnswers answers,
            AgentProperties properties) {
        this.classifier = classifier;
        this.extractor = extractor;
        this.finder = finder;
        this.answers = answers;
        this.properties = properties;
    }

    @Override
    public TurnResult respond(TurnInput in) {
        SessionContext c = in.session();
        String text = in.text() == null ? "" : in.text();
        IntentPrediction p = text.isBlank() ? new IntentPrediction(Intents.UNKNOWN, 1.0, 1.0)
                : keywordIntent(text).orElseGet(() -> classifier.classify(text));
        TurnResult result = new TurnResult(c, p.intent(), p.confidence());
        try {
            decide(in, c, text, p, result);
        } catch (ErpUnavailableException e) {
            result.replies().clear();
            result.session(c);
            result.say("I can't reach our order system right now, so I'm passing you to a colleague who will get back to you.");
            result.escalate("erp_unavailable", handoff(in, result.session(), "the ERP was unavailable for: " + oneLine(text)), null);
            result.summary("ERP unavailable; handed over");
        }
        if (c.pending() != null && c.pending().action() != null && result.session().pending() == c.pending()) {
            // a question is answered in the very next turn or not at all: a later "yes" must not place an order
            result.session(result.session().withPending(Pending.idle(c.pending().sku())));
        }
        boolean first = !c.greeted();
        result.session(result.session().withGreeted(true));
        if (first && result.replies().isEmpty() && result.escalation() == null) {
            result.send(Replies.welcome());
        }
        return result;
    }

    /**
     * A plain price or stock question about a part named by its SKU ("how much is BRG-6204-2RS?"): the keywords decide
     * the intent and the sentence model is not run (after the ERP calls, the costliest step of such a turn). Anything
     * more (a person asked for, an order, a change) is the model's to read.
     */
    static Optional<IntentPrediction> keywordIntent(String text) {
        if (!SKU.matcher(text).find() || HUMAN.matcher(text).find() || ADD.matcher(text).find()
                || SUBMIT.matcher(text).find() || REMOVE.matcher(text).find() || CHANGE.matcher(text).find()) {
            return Optional.empty();
        }
        boolean price = PRICE_WORDS.matcher(text).find();
        if (price == STOCK_WORDS.matcher(text).find()) {
            return Optional.empty();
        }
        return Optional.of(new IntentPrediction(price ? Intents.ASK_PRICE : Intents.ASK_STOCK, 1.0, 1.0));
    }

    /** Reads the session as the turn found it ({@code c}); every change goes to {@code result.session()}. */
    private void decide(TurnInput in, SessionContext c, String text, IntentPrediction p, TurnResult result) {
        Pending pending = c.pending();
        String replyId = in.replyId();
        if ("talk_to_agent".equals(replyId) || wantsPerson(text, p)) {
            person(in, text, p, result);
            return;
        }
        if ("order_status".equals(replyId)) {
            pending(result, new Pending("order_status", null));
            result.intent(Intents.TRACK_ORDER, 1.0).say("Sure. What is your order number? (e.g. SO-100001)")
                    .summary("Asked for the order number");
            return;
        }
        if ("find_part".equals(replyId)) {
            pending(result, new Pending("price_stock", null, null, null, null, c.lastSku(), null));
            result.intent(Intents.ASK_PRICE, 1.0).say("Which part are you looking for? A part number, a size or a "
                    + "description works (e.g. \"6204 bearing\", \"M8 x 30 hex bolt\").").summary("Asked which part");
            return;
        }
        if (replyId != null && chosen(c, pending, replyId, result)) {
            return;
        }
        if (pending != null && !pending.options().isEmpty() && picked(c, pending, text, result)) {
            return;
        }
        if (pending != null && contextual(c, pending, text, result)) {
            return;
        }
        Entities entities = extractor.extract(in.imageCodes().isEmpty() ? text : text + " " + String.join(" ", in.imageCodes()));
        if (!in.imageCodes().isEmpty()) {
            Finding found = finder.find(c.orgId(), extractor.extract(String.join(" ", in.imageCodes())), Map.of());
            if (found.one()) {
                Erp.Part part = found.parts().get(0);
                result.intent(Intents.ASK_PRICE, 1.0).say("From your photo I read the barcode " + in.imageCodes().get(0)
                        + ": that is " + part.sku() + " (" + part.name() + ").");
                answers.part("price_stock", part, entities.quantity(), result);
                return;
            }
        }
        if (draftCommand(c, text, entities, result)) {
            return;
        }
        if (entities.orderNumber() != null) {
            pending(result, Pending.idle(c.lastSku()));
            answers.order(entities.orderNumber(), result);
            return;
        }
        if (smallTalk(p) && entities.bareNumbers().isEmpty() && EntityExtractor.meaningfulWords(entities.searchText()) <= 1) {
            entities = Entities.NONE; // "hi", "thanks a lot": no part search for a greeting's words
        }
        String action = action(text, p, pending);
        Finding found = entities.hasSearchText() ? finder.find(c.orgId(), entities, Map.of()) : Finding.none("", null, null);
        if (!found.none()) {
            parts(action, found, text, result);
            return;
        }
        Long quantity = entities.quantity() != null ? entities.quantity()
                : entities.bareNumbers().isEmpty() ? null : entities.bareNumbers().get(0);
        if (quantity != null && c.lastSku() != null && (PRICE_WORDS.matcher(text).find() || ADD.matcher(text).find())) {
            // "how much for 250?" / "add 50 more": the part talked about before
            Optional<Erp.Part> last = finder.bySku(c.orgId(), c.lastSku());
            if (last.isPresent()) {
                answers.part(ADD.matcher(text).find() ? "add" : "price", last.get(), quantity, result);
                return;
            }
        }
        byIntent(in, c, text, p, quantity, result);
    }

    /** A tapped list item or button: a part (its SKU) or a narrowing value ({@code attribute=value}). */
    private boolean chosen(SessionContext c, Pending pending, String replyId, TurnResult result) {
        if (replyId.contains("=")) {
            String attribute = replyId.substring(0, replyId.indexOf('='));
            String value = replyId.substring(replyId.indexOf('=') + 1);
            Map<String, String> filters = new LinkedHashMap<>(pending == null ? Map.of() : pending.filters());
            filters.put(attribute, value);
            String query = pending == null || pending.query() == null ? "" : pending.query();
            Finding found = finder.find(c.orgId(), Entities.words(query), filters);
            if (!found.none()) {
                Long quantity = pending == null ? null : pending.quantity();
                parts(pending == null || pending.action() == null ? "price_stock" : pending.action(),
                        new Finding(query, quantity, found.unit(), found.good(), found.goodTotal(), found.facets()), query, filters,
                        result);
                return true;
            }
            return false;
        }
        Optional<Erp.Part> part = finder.bySku(c.orgId(), replyId);
        if (part.isEmpty()) {
            return false;
        }
        // a part picked from a list: price and stock, or into the draft when the customer was ordering
        String action = pending != null && pending.is("add") ? "add" : "price_stock";
        answers.part(action, part.get(), pending == null ? null : pending.quantity(), result);
        return true;
    }

    /** "2", or the offered part's name or SKU, picks from the options the agent sent last. */
    private boolean picked(SessionContext c, Pending pending, String text, TurnResult result) {
        int n = ShortAnswers.pick(text);
        Option option = null;
        if (n >= 1 && n <= pending.options().size()) {
            option = pending.options().get(n - 1);
        } else if (n < 0) {
            String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim();
            List<Option> named = pending.options().stream().filter(o -> matchesOption(t, o)).toList();
            option = named.size() == 1 ? named.get(0) : null;
        }
        return option != null && chosen(c, pending, option.id(), result);
    }

    private static boolean matchesOption(String text, Option o) {
        String id = o.id().toLowerCase(Locale.ROOT);
        String value = id.contains("=") ? id.substring(id.indexOf('=') + 1) : id;
        String compactText = text.replace(" ", "");
        String compactValue = value.replaceAll("[^a-z0-9]", "");
        if (compactValue.length() >= 2 && (compactText.equals(compactValue) || (" " + text + " ").contains(" " + value + " ")
                || compactText.contains(compactValue) && compactValue.length() >= 5)) {
            return true;
        }
        String title = o.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim();
        return title.length() >= 4 && (text.equals(title) || text.length() >= 6 && title.contains(text));
    }

    /** Short answers to what the agent just asked or offered. */
    private boolean contextual(SessionContext c, Pending pending, String text, TurnResult result) {
        Entities own = extractor.extract(text);
        if (pending.query() != null && pending.options().isEmpty() && text.trim().split("\\s+").length <= 4
                && own.orderNumber() == null && own.hasSearchText()) {
            // the answer to a narrowing question asked as text ("which size? e.g. 6204…"): the same search, narrowed
            Finding found = finder.find(c.orgId(), extractor.extract(pending.query() + " " + text), pending.filters());
            long before = finder.find(c.orgId(), Entities.words(pending.query()), pending.filters()).goodTotal();
            if (!found.none() && found.goodTotal() < before) {
                Long quantity = pending.quantity() != null ? pending.quantity() : found.quantity();
                parts(pending.action() == null ? "price_stock" : pending.action(), new Finding(found.query(), quantity,
                        found.unit(), found.good(), found.goodTotal(), found.facets()), found.query(), pending.filters(), result);
                return true;
            }
        }
        if (ShortAnswers.cancelThat(text) && pending.undoQuantity() != null) {
            answers.undo(result);
            return true;
        }
        if (pending.is("confirm_submit") && !c.draft().lines().isEmpty()) {
            if (ShortAnswers.yes(text) || SUBMIT.matcher(text).find()
                    && extractor.extract(SUBMIT.matcher(text).replaceAll(" ")).searchText().isBlank()) {
                answers.submit(result);
                return true;
            }
            if (ShortAnswers.no(text) || ShortAnswers.cancelThat(text)) {
                pending(result, Pending.idle(pending.sku()));
                result.intent(Intents.PLACE_ORDER, 1.0).say("OK, I won't place it. Your draft is kept; tell me what to "
                        + "change, or say \"place the order\" when you're ready.").summary("Order not placed; draft kept");
                return true;
            }
        }
        if (pending.is("offer_add") && pending.sku() != null) {
            Long number = ShortAnswers.number(text);
            if (ShortAnswers.yes(text) && pending.quantity() != null || number != null) {
                Optional<Erp.Part> part = finder.bySku(c.orgId(), pending.sku());
                if (part.isPresent()) {
                    answers.part("add", part.get(), number != null ? number : pending.quantity(), result);
                    return true;
                }
            }
            if (ShortAnswers.no(text)) {
                pending(result, Pending.idle(pending.sku()));
                result.intent(Intents.THANKS, 1.0).say("No problem. Anything else I can look up for you?")
                        .summary("Declined adding " + pending.sku());
                return true;
            }
        }
        if (pending.is("quantity") && pending.sku() != null) {
            Long number = ShortAnswers.number(text);
            if (number != null) {
                Optional<Erp.Part> part = finder.bySku(c.orgId(), pending.sku());
                if (part.isPresent()) {
                    answers.part("add", part.get(), number, result);
                    return true;
                }
            }
        }
        return false;
    }

    /** Draft commands: the same as last time, show, place, remove, change a quantity, add one or several parts. */
    private boolean draftCommand(SessionContext c, String text, Entities entities, TurnResult result) {
        if (ShortAnswers.sameAsLastTime(text)) {
            answers.repeatLastOrder(result);
            return true;
        }
        boolean hasDraft = !c.draft().lines().isEmpty();
        if (SHOW.matcher(text).find() && entities.orderNumber() == null) {
            answers.showDraft(result);
            return true;
        }
        if (hasDraft && SUBMIT.matcher(text).find() && entities.orderNumber() == null
                && extractor.extract(SUBMIT.matcher(text).replaceAll(" ")).searchText().isBlank()) {
            answers.showDraft(result); // never placed without a yes to the question that shows it
            return true;
        }
        Long makeIt = ShortAnswers.makeIt(text);
        if (makeIt != null && makeIt > 0 && c.lastSku() != null && (entities.searchText().isBlank()
                || ShortAnswers.samePart(text))) {
            Optional<Erp.Part> part = finder.bySku(c.orgId(), c.lastSku());
            if (part.isPresent()) {
                answers.set(part.get(), makeIt, "Done: " + makeIt + " × " + part.get().sku() + ".", result);
                return true;
            }
        }
        if (hasDraft && REMOVE.matcher(text).find()) {
            Optional<OrderLine> line = draftLine(c, text, entities);
            if (line.isPresent()) {
                answers.remove(line.get().sku(), result);
                return true;
            }
        }
        if (hasDraft && CHANGE.matcher(text).find() && !ADD.matcher(text).find()) {
            Optional<OrderLine> line = draftLine(c, text, entities);
            Long quantity = entities.quantity() != null ? entities.quantity()
                    : entities.bareNumbers().isEmpty() ? null : entities.bareNumbers().get(entities.bareNumbers().size() - 1);
            if (line.isPresent() && quantity != null && quantity > 0) {
                Optional<Erp.Part> part = finder.bySku(c.orgId(), line.get().sku());
                if (part.isPresent()) {
                    answers.set(part.get(), quantity, "Done: " + quantity + " × " + part.get().sku() + ".", result);
                    return true;
                }
            }
        }
        if (ADD.matcher(text).find() || CHANGE.matcher(text).find() && entities.hasSearchText()) {
            return addParts(c, text, entities, result);
        }
        return false;
    }

    /** "I'd like to buy 100 BRG-6204-2RS", "20 M8 nuts and 10 6204-2RS", "add the same part", "order 5 more". */
    private boolean addParts(SessionContext c, String text, Entities entities, TurnResult result) {
        List<String> segments = SPLIT.splitAsStream(text).filter(s -> !s.isBlank()).toList();
        if (segments.size() >= 2) {
            List<Erp.Part> parts = new ArrayList<>();
            List<Long> quantities = new ArrayList<>();
            for (String segment : segments) {
                Entities e = extractor.extract(segment);
                Finding f = e.hasSearchText() ? finder.find(c.orgId(), e, Map.of()) : Finding.none("", null, null);
                if (!f.one() || f.quantity() == null) {
                    parts.clear();
                    break;
                }
                parts.add(f.parts().get(0));
                quantities.add(f.quantity());
            }
            if (parts.size() >= 2) {
                answers.setAll(parts, quantities, result);
                return true;
            }
        }
        if (ShortAnswers.samePart(text) && c.lastSku() != null && entities.searchText().replaceAll("(?i)\\b(same|as|before|"
                + "earlier|again)\\b", "").isBlank()) {
            Optional<Erp.Part> part = finder.bySku(c.orgId(), c.lastSku());
            if (part.isPresent()) {
                Long q = entities.quantity() != null ? entities.quantity()
                        : entities.bareNumbers().isEmpty() ? null : entities.bareNumbers().get(0);
                answers.part("add", part.get(), q, result);
                return true;
            }
        }
        if (!entities.hasSearchText()) {
            return false;
        }
        Finding found = finder.find(c.orgId(), entities, Map.of());
        if (found.none()) {
            return false;
        }
        parts("add", found, text, result);
        return true;
    }

    /** One part → its answer; 2–10 → a list (template on WhatsApp, numbered on SMS); more → one narrowing question. */
    private void parts(String action, Finding found, String text, TurnResult result) {
        parts(action, found, found.query().isBlank() ? oneLine(text) : found.query(), Map.of(), result);
    }

    private void parts(String action, Finding found, String query, Map<String, String> filters, TurnResult result) {
        SessionContext c = result.session();
        if (found.one()) {
            answers.part(action, found.parts().get(0), found.quantity(), result);
            return;
        }
        String intent = action.equals("stock") ? Intents.ASK_STOCK : action.equals("add") ? Intents.PLACE_ORDER : Intents.ASK_PRICE;
        String label = query + filters.values().stream().map(v -> " " + v).reduce("", String::concat);
        if (found.few()) {
            List<Erp.Part> parts = found.parts();
            List<Option> options = parts.stream().map(p -> new Option(p.sku(), p.name())).toList();
            pending(result, new Pending(action, found.quantity(), query, filters, options, c.lastSku(), null));
            result.intent(intent, result.confidence()).send(Replies.partSelection(oneLine(label), parts, found.quantity()))
                    .summary("Several parts match \"" + oneLine(label) + "\"; sent a list of " + parts.size());
            return;
        }
        Narrowing.Question q = Narrowing.question(found, filters);
        if (q == null) { // nothing tells them apart: the best ten
            List<Erp.Part> parts = found.parts().stream().limit(10).toList();
            List<Option> options = parts.stream().map(p -> new Option(p.sku(), p.name())).toList();
            pending(result, new Pending(action, found.quantity(), query, filters, options, c.lastSku(), null));
            result.intent(intent, result.confidence()).send(Replies.partSelection(oneLine(label), parts, found.quantity()))
                    .summary("Many parts match \"" + oneLine(label) + "\"; sent the best 10");
            return;
        }
        List<Option> options = q.values().size() <= 10
                ? q.values().stream().map(v -> new Option(q.attribute() + "=" + v, v)).toList() : List.of();
        pending(result, new Pending(action, found.quantity(), query, filters, options, c.lastSku(), null));
        result.intent(intent, result.confidence())
                .send(Replies.narrowing(found.goodTotal(), Narrowing.what(found, label), q.attribute(), q.values(), q.counts()))
                .summary(found.goodTotal() + " parts match \"" + oneLine(label) + "\"; asked which " + q.attribute());
    }

    private void byIntent(TurnInput in, SessionContext c, String text, IntentPrediction p, Long quantity, TurnResult result) {
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
                pending(result, new Pending("order_status", null, null, null, null, c.lastSku(), null));
                result.say("Sure. What is your order number? (e.g. SO-100001)").summary("Asked for the order number");
            }
            case Intents.ASK_PRICE, Intents.ASK_STOCK, Intents.PLACE_ORDER -> {
                String action = p.intent().equals(Intents.ASK_STOCK) ? "stock" : p.intent().equals(Intents.ASK_PRICE) ? "price" : "add";
                pending(result, new Pending(action, quantity, null, null, null, c.lastSku(), null));
                result.say("Which part? Send me the part number (e.g. BRG-6204-2RS), a size or a description.")
                        .summary("Asked which part");
            }
            default -> {
                result.say("Thanks, I'm passing this to a colleague who can help with that.");
                result.escalate("out_of_scope", handoff(in, result.session(), p.intent().replace('_', ' ') + " request"), null);
                result.summary(p.intent().replace('_', ' ') + "; handed over");
            }
        }
    }

    private boolean wantsPerson(String text, IntentPrediction p) {
        return HUMAN.matcher(text).find() || ((p.intent().equals(Intents.CONTACT_HUMAN)
                || p.intent().equals(Intents.CONTACT_SERVICE)) && p.confidence() >= properties.confidenceThreshold());
    }

    /**
     * A person asked for. The topic is kept apart: "could you ask an agent about my bill?" is about the bill
     * ({@code check_invoice}), escalated for a person with that topic as the handoff's context.
     */
    private void person(TurnInput in, String text, IntentPrediction p, TurnResult result) {
        String topicText = HUMAN_PHRASE.matcher(text).replaceAll(" ").replaceAll("[?!.]", " ").trim();
        String topic = null;
        double confidence = p.confidence();
        if (EntityExtractor.meaningfulWords(topicText) >= 1 && topicText.length() >= 4) {
            // "about my bill" alone reads like a greeting to the model; as a question about it, it is the bill
            String question = topicText.matches("(?i)^(about|regarding|re|concerning|on)\\b.*") ? "question " + topicText
                    : "question about " + topicText;
            IntentPrediction t = classifier.classify(question);
            if (!t.intent().equals(Intents.CONTACT_HUMAN) && !t.intent().equals(Intents.CONTACT_SERVICE)
                    && !t.intent().equals(Intents.GREETING) && !t.intent().equals(Intents.THANKS) && t.confidence() >= 0.4
                    && t.similarity() >= properties.minSimilarity()) {
                topic = t.intent();
                confidence = t.confidence();
            }
        }
        result.intent(topic == null ? Intents.CONTACT_HUMAN : topic, topic == null ? p.confidence() : confidence);
        String why = topic == null ? "customer asked for a person"
                : "customer asked for a person about " + topic.replace('_', ' ') + " (\"" + oneLine(topicText) + "\")";
        result.say(topic == null ? "Of course, I'm handing you over to a colleague. They'll reply here shortly."
                : "Of course, I'm passing your question about " + topic.replace('_', ' ') + " to a colleague. They'll reply "
                        + "here shortly.");
        result.escalate("customer_request", handoff(in, result.session(), why), properties.humanQueue());
        result.summary(topic == null ? "Customer asked for a person" : "Customer asked for a person about " + topic.replace('_', ' '));
    }

    /** The draft line a message names: by SKU or words of its description, or the part talked about last. */
    private Optional<OrderLine> draftLine(SessionContext c, String text, Entities entities) {
        String t = text.toUpperCase(Locale.ROOT);
        Optional<OrderLine> bySku = c.draft().lines().stream().filter(l -> t.contains(l.sku())).findFirst();
        if (bySku.isPresent()) {
            return bySku;
        }
        String words = entities.searchText().toLowerCase(Locale.ROOT).replaceAll("\\b(remove|delete|drop|take|out|off|change|"
                + "make|set|update|instead|to|it|that|them|from)\\b", " ").trim();
        if (!words.isBlank()) {
            List<OrderLine> named = c.draft().lines().stream().filter(l -> java.util.Arrays.stream(words.split("\\s+"))
                    .filter(w -> w.length() >= 3).anyMatch(w -> (l.description() + " " + l.sku()).toLowerCase(Locale.ROOT)
                            .contains(w.replaceAll("s$", "")))).toList();
            if (named.size() == 1) {
                return Optional.of(named.get(0));
            }
        }
        if (c.draft().lines().size() == 1) {
            return Optional.of(c.draft().lines().get(0));
        }
        return c.draft().lines().stream().filter(l -> l.sku().equals(c.lastSku())).findFirst();
    }

    /** What the customer wants done with the parts named: add when buying, stock or price when asked, else both. */
    private static String action(String text, IntentPrediction p, Pending pending) {
        if (ADD.matcher(text).find() && !PRICE_WORDS.matcher(text).find()) {
            return "add";
        }
        if (STOCK_WORDS.matcher(text).find() && !PRICE_WORDS.matcher(text).find()) {
            return "stock";
        }
        if (PRICE_WORDS.matcher(text).find() && !STOCK_WORDS.matcher(text).find()) {
            return "price";
        }
        if (p.intent().equals(Intents.ASK_STOCK) && p.confidence() >= 0.6) {
            return "stock";
        }
        if (pending != null && pending.action() != null && !pending.is("confirm_submit") && !pending.is("order_status")
                && !pending.is("offer_add") && !pending.is("quantity")) {
            return pending.action();
        }
        return "price_stock";
    }

    private boolean smallTalk(IntentPrediction p) {
        return (p.intent().equals(Intents.GREETING) || p.intent().equals(Intents.THANKS)) && p.confidence() >= 0.8;
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
