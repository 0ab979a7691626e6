package com.crmfactory.messaging.agent.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.crmfactory.messaging.agent.erp.Erp;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.agent.intent.SentenceEmbedder;

/**
 * Finds the parts a message means through the ERP's search (never a copy of the catalogue: real ones hold
 * 100,000+ parts). Bare numbers are decided with the hits: one that is a segment of a hit's SKU (6204 of
 * BRG-6204-2RS) is a part code, the first other one the quantity, and the search is repeated without it. The good
 * hits are those within 90 % of the best lexical score; they are ordered by the ERP's score plus a small share of
 * the embedding similarity between the words asked for and the part's name (the in-process sentence model), so
 * among equally matching parts the closest in meaning comes first. Part-name embeddings are kept in a bounded LRU
 * (a few thousand names), not per catalogue.
 */
public class PartFinder {

    static final int PAGE = 50;
    static final double GOOD = 0.9;
    /** Under this best score the words match the catalogue only by accident (one typo among unknown words). */
    static final double MIN_SCORE = 0.4;
    static final double EMBEDDING_SHARE = 0.15;
    private static final int NAME_CACHE = 4096;

    private final ErpClient erp;
    private final SentenceEmbedder embedder;
    private final Map<String, float[]> names = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > NAME_CACHE;
        }
    });

    public PartFinder(ErpClient erp, SentenceEmbedder embedder) {
        this.erp = erp;
        this.embedder = embedder;
    }

    /** The parts the message's words name, with the quantity decided; nothing when it names no part. */
    public Finding find(String orgId, Entities e, Map<String, String> filters) {
        if (!e.hasSearchText() && filters.isEmpty()) {
            return Finding.none("", e.quantity(), e.unit());
        }
        String numbers = e.bareNumbers().stream().map(String::valueOf).collect(Collectors.joining(" "));
        String query = (e.searchText() + " " + numbers).trim();
        Erp.SearchResult result = erp.searchParts(orgId, query, filters, 0, PAGE);
        Long quantity = e.quantity();
        if (!e.bareNumbers().isEmpty()) {
            List<Erp.SearchHit> hits = goodHits(result.items());
            Set<String> segments = segments(hits, false);
            Set<String> inner = segments(hits, true);
            List<String> codes = new ArrayList<>();
            for (Long n : e.bareNumbers()) {
                String number = String.valueOf(n);
                if (segments.contains(number) || e.afterWords().contains(n) && inner.contains(number)) {
                    codes.add(String.valueOf(n));
                } else if (quantity == null && n > 0) {
                    quantity = n;
                }
            }
            String withoutQuantity = (e.searchText() + " " + String.join(" ", codes)).trim();
            if (!withoutQuantity.equals(query)) {
                query = withoutQuantity;
                result = query.isEmpty() && filters.isEmpty() ? Erp.SearchResult.NONE
                        : erp.searchParts(orgId, query, filters, 0, PAGE);
            }
        }
        List<Erp.SearchHit> good = goodHits(result.items());
        long goodTotal = good.size() == result.items().size() ? Math.max(good.size(), result.total()) : good.size();
        Map<String, Map<String, Long>> facets = good.size() == result.items().size() && result.total() > good.size()
                ? result.facets() : facets(good);
        return new Finding(query, quantity, e.unit(), rank(query, good), goodTotal, facets);
    }

    /** A part by its exact SKU (a list reply's payload, a draft line). */
    public java.util.Optional<Erp.Part> bySku(String orgId, String sku) {
        return erp.part(orgId, sku.trim().toUpperCase(Locale.ROOT));
    }

    private static List<Erp.SearchHit> goodHits(List<Erp.SearchHit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        double top = hits.get(0).score();
        if (top < MIN_SCORE) {
            return List.of();
        }
        return hits.stream().filter(h -> h.score() >= top * GOOD - 1e-9).toList();
    }

    /**
     * The SKU segments of the hits (6204 of BRG-6204-2RS); with {@code inner} also the numbers inside them
     * (8 and 30 of M8X30, 42 of A42), which describe a part only when written after its words.
     */
    private static Set<String> segments(List<Erp.SearchHit> hits, boolean inner) {
        return hits.stream().flatMap(h -> java.util.Arrays.stream(h.part().sku().split("-")))
                .flatMap(s -> inner ? java.util.Arrays.stream(s.split("[^0-9]+")) : java.util.stream.Stream.of(s))
                .filter(s -> !s.isEmpty()).map(s -> s.replaceFirst("^0+(?=\\d)", "")).collect(Collectors.toSet());
    }

    private static Map<String, Map<String, Long>> facets(List<Erp.SearchHit> hits) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        hits.forEach(h -> h.attributes().forEach((k, v) -> facets.computeIfAbsent(k, x -> new LinkedHashMap<>())
                .merge(v, 1L, Long::sum)));
        return facets;
    }

    /** Lexical score first; the embedding similarity orders parts the words match equally (lists of ≤ 10 only). */
    private List<Erp.SearchHit> rank(String query, List<Erp.SearchHit> good) {
        if (good.size() < 2 || good.size() > 10 || query.isBlank()) {
            return good;
        }
        float[] q = embedder.embed(query);
        Map<Erp.SearchHit, Double> score = new LinkedHashMap<>();
        for (Erp.SearchHit hit : good) {
            float[] name = names.computeIfAbsent(hit.part().sku() + "|" + hit.part().name(), k -> embedder.embed(hit.part().name()));
            score.put(hit, hit.score() + EMBEDDING_SHARE * cosine(q, name));
        }
        return good.stream().sorted(Comparator.comparingDouble((Erp.SearchHit h) -> score.get(h)).reversed()).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
