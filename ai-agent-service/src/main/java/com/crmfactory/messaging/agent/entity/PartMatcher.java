package com.crmfactory.messaging.agent.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.crmfactory.messaging.agent.erp.Erp;

/**
 * Matches free text against the ERP catalogue, tolerant of typos (edit distance 1–2 on longer tokens),
 * partial names and spacing ("brg 6204 2rs", "6204 bearings", "deep groove bearing 6205 zz"). Tokens
 * holding digits (codes) weigh more than plain words. Several parts come back only when they tie.
 */
public class PartMatcher {

    private static final double MIN_SCORE = 3.0;
    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "of", "for", "and", "or", "to", "in", "is",
            "do", "you", "have", "i", "me", "my", "we", "need", "want", "price", "much", "how", "what", "stock", "please",
            "pls", "it", "on", "any", "can", "get", "order", "add", "with", "mm", "x", "are", "there", "cost", "available");

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> codes = new HashSet<>();

    private record Entry(Erp.Part part, String compactSku, Set<String> tokens) {
    }

    public PartMatcher(List<Erp.Part> catalogue) {
        for (Erp.Part part : catalogue) {
            Set<String> tokens = new LinkedHashSet<>();
            for (String segment : part.sku().toLowerCase(Locale.ROOT).split("-")) {
                tokens.add(segment);
                if (segment.length() >= 3 && segment.chars().anyMatch(Character::isDigit)) {
                    codes.add(segment);
                }
            }
            for (String word : words(part.name() + " " + (part.category() == null ? "" : part.category()))) {
                tokens.add(word);
            }
            entries.add(new Entry(part, compact(part.sku()), tokens));
        }
    }

    /** SKU segments that look like codes (6204, m8x30, 2rs): a bare number equal to one is not a quantity. */
    public Set<String> codes() {
        return codes;
    }

    public List<Erp.Part> match(String text) {
        List<String> words = words(text).stream().filter(w -> !STOPWORDS.contains(w)).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        String compactText = compact(text);
        List<Erp.Part> best = new ArrayList<>();
        double bestScore = 0;
        for (Entry entry : entries) {
            double score = compactText.contains(entry.compactSku()) ? 10 : 0;
            for (String word : words) {
                score += score(word, entry.tokens());
            }
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best.clear();
                best.add(entry.part());
            } else if (Math.abs(score - bestScore) < 1e-9 && score > 0) {
                best.add(entry.part());
            }
        }
        return bestScore >= MIN_SCORE ? best : List.of();
    }

    private static double score(String word, Set<String> tokens) {
        double weight = word.chars().anyMatch(Character::isDigit) ? 3 : 1;
        if (tokens.contains(word)) {
            return weight;
        }
        int allowed = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
        if (allowed == 0) {
            return 0;
        }
        for (String token : tokens) {
            if (Math.abs(token.length() - word.length()) <= allowed && distance(word, token) <= allowed) {
                return weight * 0.7;
            }
        }
        return 0;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty()) {
                continue;
            }
            // plural "bearings" matches "bearing"; codes ("2rs") are left alone
            out.add(w.length() > 4 && w.endsWith("s") && !w.chars().anyMatch(Character::isDigit) ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }

    private static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static Comparator<Erp.Part> bySku() {
        return Comparator.comparing(Erp.Part::sku);
    }
}
