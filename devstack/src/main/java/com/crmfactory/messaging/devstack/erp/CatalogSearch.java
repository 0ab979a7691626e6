package com.crmfactory.messaging.devstack.erp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.crmfactory.messaging.devstack.erp.ErpModel.Part;

/**
 * The demo ERP's part search, behaving like a real catalogue search: an inverted vocabulary over SKU segments,
 * name, description, category and attributes; each query word matches a catalogue word exactly, as a prefix
 * ("bear" → bearing) or with a typo (one edit, two from eight letters; numbers only exactly, since 6204 and
 * 6205 are different parts), weighted by how rare the word is (idf). A part's score is the weighted share of the
 * query's words it matches (0–1; a word the catalogue does not know counts as a quarter of a word, unmatched); the whole SKU in the query ranks its part first.  Hits under 75 % of the best score are dropped, so the total counts
 * relevant parts only; facets (attribute → value → count) cover every hit, for narrowing questions.
 */
public final class CatalogSearch {

    /** Hits under this share of the best hit's score are not returned. */
    static final double MIN_RELATIVE_SCORE = 0.75;
    /** What a query word the catalogue does not know weighs, relative to an average known word. */
    static final double UNKNOWN_WEIGHT = 0.25;
    private static final Set<String> STOPWORDS = Set.of("x", "mm", "of", "with", "and", "in", "a", "the", "for", "to", "m");

    public record Hit(Part part, double score, Map<String, String> attributes) {
    }

    public record Result(List<Hit> items, int page, int size, long total, Map<String, Map<String, Long>> facets) {
    }

    /** {@code skuPattern}: the SKU typed as a code (segments joined by "-" or nothing), not followed by more of one. */
    private record Doc(Part part, Map<String, String> attributes, String compactSku,
            java.util.regex.Pattern skuPattern, int order) {
    }

    private final List<Doc> docs = new ArrayList<>();
    /** Catalogue word → the parts that have it: a query word visits only those, not the whole catalogue. */
    private final Map<String, List<Doc>> postings = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final TreeMap<String, Integer> vocabulary = new TreeMap<>();

    CatalogSearch(DemoCatalog catalog) {
        for (Part part : catalog.all()) {
            Map<String, String> attributes = catalog.attributes(part.sku());
            Set<String> tokens = new LinkedHashSet<>();
            tokens.addAll(tokens(part.sku()));
            tokens.addAll(tokens(part.name() + " " + part.description() + " " + part.category()));
            attributes.values().forEach(v -> tokens.addAll(tokens(v)));
            String code = String.join("-?", java.util.Arrays.stream(part.sku().toLowerCase(Locale.ROOT).split("-"))
                    .map(java.util.regex.Pattern::quote).toList());
            Doc doc = new Doc(part, attributes, compact(part.sku()),
                    java.util.regex.Pattern.compile("(?<![a-z0-9])" + code + "(?![a-z0-9]|-[a-z0-9])"), docs.size());
            docs.add(doc);
            tokens.forEach(t -> {
                documentFrequency.merge(t, 1, Integer::sum);
                postings.computeIfAbsent(t, k -> new ArrayList<>()).add(doc);
            });
        }
        vocabulary.putAll(documentFrequency);
    }

    /**
     * @param filters attribute → value, matched case-insensitively (e.g. size → M8)
     * @param page    zero-based
     */
    public Result search(String query, Map<String, String> filters, int page, int size) {
        List<Doc> candidates = docs.stream().filter(d -> matchesFilters(d, filters)).toList();
        String compactQuery = compact(query == null ? "" : query);
        String lowerQuery = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<Map<String, Double>> expansions = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int unknown = 0;
        for (String word : new LinkedHashSet<>(tokens(query == null ? "" : query))) {
            Map<String, Double> expansion = expand(word);
            if (!expansion.isEmpty()) {
                expansions.add(expansion);
                weights.add(idf(expansion));
            } else {
                unknown++;
            }
        }
        double known = weights.stream().mapToDouble(Double::doubleValue).sum();
        // a word the catalogue does not know lowers every score alike (a quarter of an average known word): the
        // ranking stays, a long sentence around a part's words ("this is Dana from Acme…") still finds it, but words
        // that match only by accident among many unknown ones score low
        double weightSum = known + (known == 0 ? 0 : UNKNOWN_WEIGHT * unknown * known / weights.size());
        double[] wordScores = wordScores(expansions, weights);
        List<Hit> hits = new ArrayList<>();
        // by identity: a Doc record's own hash walks its token set, and the sort below looks scores up often
        Map<Doc, Double> scores = new IdentityHashMap<>();
        for (Doc doc : candidates) {
            double score = weightSum > 0 ? wordScores[doc.order()] / weightSum : 0;
            if (compactQuery.contains(doc.compactSku()) && doc.skuPattern().matcher(lowerQuery).find()) {
                score += 0.5; // the whole SKU named: this part before any that merely shares its words
            }
            if (weightSum == 0 && compactQuery.isEmpty() && !filters.isEmpty()) {
                score = 1; // filters alone: every part that passes them
            }
            if (score > 0) {
                scores.put(doc, score);
            }
        }
        double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Doc> kept = scores.entrySet().stream().filter(e -> e.getValue() >= top * MIN_RELATIVE_SCORE - 1e-9)
                .map(Map.Entry::getKey)
                .sorted(Comparator.<Doc>comparingDouble(scores::get).reversed().thenComparingInt(Doc::order)).toList();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (Doc doc : kept) {
            doc.attributes().forEach((k, v) -> facets.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(v, 1L, Long::sum));
        }
        int from = Math.min(kept.size(), page * size);
        int to = Math.min(kept.size(), from + size);
        for (Doc doc : kept.subList(from, to)) {
            hits.add(new Hit(doc.part(), Math.round(scores.get(doc) * 1000) / 1000.0, doc.attributes()));
        }
        return new Result(hits, page, size, kept.size(), facets);
    }

    /**
     * Per part (by its order): the sum over the query's words of the word's weight times how well the part matches
     * it (its best-matching catalogue word: 1 exact, 0.8 prefix, 0.7 typo; 0 when it has none).
     */
    private double[] wordScores(List<Map<String, Double>> expansions, List<Double> weights) {
        double[] sums = new double[docs.size()];
        for (int i = 0; i < expansions.size(); i++) {
            double[] best = new double[docs.size()];
            for (Map.Entry<String, Double> e : expansions.get(i).entrySet()) {
                for (Doc doc : postings.getOrDefault(e.getKey(), List.of())) {
                    best[doc.order()] = Math.max(best[doc.order()], e.getValue());
                }
            }
            for (int d = 0; d < sums.length; d++) {
                sums[d] += weights.get(i) * best[d];
            }
        }
        return sums;
    }

    private static boolean matchesFilters(Doc doc, Map<String, String> filters) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String value = doc.attributes().get(f.getKey().toLowerCase(Locale.ROOT));
            if (value == null || !value.equalsIgnoreCase(f.getValue().trim())) {
                return false;
            }
        }
        return true;
    }

    /** The catalogue words a query word stands for, with how well: 1 exact, 0.8 prefix, 0.7 typo. */
    private Map<String, Double> expand(String word) {
        Map<String, Double> out = new HashMap<>();
        if (vocabulary.containsKey(word)) {
            out.put(word, 1.0);
        }
        boolean numeric = word.chars().allMatch(Character::isDigit);
        if (numeric) {
            return out;
        }
        if (word.length() >= 3 && Character.isLetter(word.charAt(0))) {
            for (String token : vocabulary.subMap(word, false, word + Character.MAX_VALUE, false).keySet()) {
                out.putIfAbsent(token, 0.8);
            }
        }
        // typos only in words: in codes and sizes (30mm, m8x30) one character is another part
        int allowed = word.chars().anyMatch(Character::isDigit) ? 0 : word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
        if (allowed > 0) {
            for (String token : vocabulary.keySet()) {
                if (!out.containsKey(token) && token.length() >= 4 && Math.abs(token.length() - word.length()) <= allowed
                        && !token.chars().allMatch(Character::isDigit) && distance(word, token) <= allowed) {
                    out.put(token, 0.7);
                }
            }
        }
        return out;
    }

    /** How telling a query word is: the idf of the catalogue word it matches best (rarest on a tie). */
    private double idf(Map<String, Double> expansion) {
        double best = 0;
        for (Map.Entry<String, Double> e : expansion.entrySet()) {
            double idf = Math.log(1 + (double) docs.size() / documentFrequency.get(e.getKey()));
            best = Math.max(best, idf * e.getValue());
        }
        return best;
    }

    /** Lower-case words; plurals folded ("bolts" → bolt); "M8x30" also as m8 and 30. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9.]+")) {
            w = w.replaceAll("^\\.+|\\.+$", "");
            if (w.isEmpty() || STOPWORDS.contains(w)) {
                continue;
            }
            out.add(singular(w));
            if (w.matches("\\d+mm")) {
                out.add(w.substring(0, w.length() - 2));
            }
            if (w.matches("m\\d+x\\d+")) {
                String[] parts = w.split("x");
                out.add(parts[0]);
                out.add(parts[1]);
            }
        }
        return out;
    }

    private static String singular(String w) {
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && w.chars().noneMatch(Character::isDigit)) {
            return w.endsWith("xes") ? w.substring(0, w.length() - 2) : w.substring(0, w.length() - 1);
        }
        return w;
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
}
