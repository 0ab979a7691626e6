package com.crmfactory.messaging.agent.media;

import java.util.ArrayList;
import java.util.List;

/**
 * What the agent read from a message's images.
 *
 * @param codes decoded barcode / QR texts
 * @param notes a description from a vision-capable model, refusals ("not from an allowed host"), errors
 * @param items the same, per media item
 */
public record ImageAnalysis(List<String> codes, List<String> notes, List<Item> items) {

    /** One media item: its URL, the content type fetched (null if refused), its codes and its note. */
    public record Item(String url, String contentType, List<String> codes, String note) {
    }

    public String summary() {
        List<String> parts = new ArrayList<>();
        codes.forEach(code -> parts.add("barcode: " + code));
        parts.addAll(notes);
        return parts.isEmpty() ? "image: nothing readable" : String.join("; ", parts);
    }
}
