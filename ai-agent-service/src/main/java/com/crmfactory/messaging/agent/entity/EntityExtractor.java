package com.crmfactory.messaging.agent.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads order numbers, quantities and the catalogue words from a message. A number with a unit ("20 pcs",
 * "3 boxes"), after "qty" or before "of"/"x" ("100 of", "100 x BRG…") is a quantity; sizes are kept whole
 * ("M8 x 30" → M8X30); other bare numbers stay undecided for {@link PartFinder}. Words that only carry the request
 * ("how much", "I'd like to buy") are dropped from the search words.
 */
public class EntityExtractor {

    private static final Pattern ORDER = Pattern.compile("(?i)\\b(?:SO|order|ord|order\\s*(?:no|number|#))[\\s#:.-]*(\\d{5,8})\\b");
    private static final Pattern SIZE = Pattern.compile("(?i)\\bM\\s?(\\d{1,2})\\s*[x×*]\\s*(\\d{1,3})(?:\\s*mm)?\\b");
    private static final Pattern QUANTITY_UNIT = Pattern.compile("(?i)(?<![\\w.-])(\\d{1,6})\\s*(pcs|pc|pieces|piece|units|unit"
            + "|ea|each|nos|off|boxes|box|packs|pack|packets|bags|bag|sets|set|pairs|pair)\\b");
    private static final Pattern QUANTITY_WORD = Pattern.compile("(?i)\\b(?:qty|quantity)[\\s:=]*(\\d{1,6})\\b");
    private static final Pattern QUANTITY_OF = Pattern.compile("(?i)(?<![\\w.-])(\\d{1,6})\\s*(?:of\\b|(?:x|×|\\*)\\s*(?=[a-z]))");
    private static final Pattern DIMENSION = Pattern.compile("(?i)(?<![\\w.-])(\\d{1,4})\\s*(mm|cm|m|in|inch|kw|vdc|vac)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])(\\d{1,6})(?![\\w-]|\\.\\d)");
    static final Set<String> FILLER = Set.of(
            "i", "im", "i'm", "id", "i'd", "me", "my", "we", "our", "you", "your", "yours", "the", "a", "an", "of",
            "for", "and", "or", "to", "in", "is", "are", "do", "does", "have", "has", "need", "want", "wanna",
            "like", "would", "could", "can", "please", "pls", "plz", "it", "on", "any", "some", "get", "order",
            "buy", "purchase", "add", "with", "how", "much", "many", "what", "whats", "what's", "price", "prices",
            "cost", "costs", "stock", "available", "availability", "there", "hi", "hello", "hey", "thanks", "thank",
            "quote", "give", "send", "tell", "about", "those", "these", "this", "that", "them", "also", "too",
            "just", "be", "will", "ll", "d", "s", "m", "ok", "okay", "yes", "sell", "selling", "got", "looking",
            "look", "find", "at", "in-stock", "instock", "left", "x", "mm", "take", "ill", "i'll", "put", "draft",
            "cart", "basket", "again", "more", "each", "per", "unit", "units", "pcs", "pieces", "up", "now", "today",
            "asap", "urgent", "check", "know", "let", "lets", "let's", "show", "list", "all", "which", "one", "ones",
            "kind", "type", "sort", "part", "parts", "number", "item", "items", "where", "when", "stocked");

    public Entities extract(String text) {
        if (text == null || text.isBlank()) {
            return Entities.NONE;
        }
        String rest = text;
        String order = null;
        Matcher o = ORDER.matcher(rest);
        if (o.find()) {
            order = "SO-" + o.group(1);
            rest = cut(rest, o.start(), o.end());
        }
        rest = SIZE.matcher(rest).replaceAll("M$1X$2");
        Long quantity = null;
        String unit = null;
        Matcher q = QUANTITY_UNIT.matcher(rest);
        if (q.find()) {
            quantity = Long.parseLong(q.group(1));
            unit = unit(q.group(2));
            rest = cut(rest, q.start(), q.end());
        } else if ((q = QUANTITY_WORD.matcher(rest)).find() || (q = QUANTITY_OF.matcher(rest)).find()) {
            quantity = Long.parseLong(q.group(1));
            rest = cut(rest, q.start(), q.end());
        }
        rest = DIMENSION.matcher(rest).replaceAll("$1$2"); // "8 mm", "42 in": part of the description, never a count
        List<Long> bare = new ArrayList<>();
        List<Long> afterWords = new ArrayList<>();
        if (quantity == null) {
            Matcher n = NUMBER.matcher(rest);
            while (n.find()) {
                long value = Long.parseLong(n.group(1));
                bare.add(value);
                if (meaningfulWords(rest.substring(0, n.start())) > 0) {
                    afterWords.add(value);
                }
            }
            rest = NUMBER.matcher(rest).replaceAll(" ");
        }
        if (quantity != null && quantity <= 0) {
            quantity = null;
        }
        return new Entities(order, quantity, unit, searchWords(rest), List.copyOf(bare), List.copyOf(afterWords));
    }

    /** How many words of the text could name a part (not filler). */
    public static int meaningfulWords(String text) {
        String words = searchWords(text);
        return words.isBlank() ? 0 : words.split("\\s+").length;
    }

    /** The words worth sending to the catalogue search. */
    static String searchWords(String text) {
        StringBuilder out = new StringBuilder();
        for (String w : text.split("[^\\p{Alnum}'./-]+")) {
            String word = w.replaceAll("^[.'/-]+|[.'/-]+$", "");
            if (word.isEmpty() || FILLER.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(word);
        }
        return out.toString();
    }

    private static String unit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("box")) {
            return "box";
        }
        if (w.startsWith("pack")) {
            return "pack";
        }
        if (w.startsWith("bag")) {
            return "bag";
        }
        if (w.startsWith("set")) {
            return "set";
        }
        if (w.startsWith("pair")) {
            return "pair";
        }
        return null;
    }

    private static String cut(String text, int start, int end) {
        return text.substring(0, start) + " " + text.substring(end);
    }
}
