package com.crmfactory.messaging.agent.entity;

import java.util.List;

/**
 * What a message says besides its intent: an order number, a quantity (with its unit when one was named: "3 boxes"),
 * the words to search the catalogue with (sizes kept together: "M8X30"), and the bare numbers that may be either a
 * quantity or a part code (250 or 6204) — {@link PartFinder} decides with the ERP's hits; {@code afterWords} are
 * those written after the part's words ("hex bolt M8 30"), which describe the part rather than count it.
 */
public record Entities(String orderNumber, Long quantity, String unit, String searchText, List<Long> bareNumbers,
        List<Long> afterWords) {

    public static final Entities NONE = new Entities(null, null, null, "", List.of(), List.of());

    /** Words to search with and nothing else (a narrowing answer, a tapped value). */
    public static Entities words(String searchText) {
        return new Entities(null, null, null, searchText == null ? "" : searchText, List.of(), List.of());
    }

    public boolean hasSearchText() {
        return !searchText.isBlank() || !bareNumbers.isEmpty();
    }
}
