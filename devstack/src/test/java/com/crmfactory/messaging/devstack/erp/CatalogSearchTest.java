package com.crmfactory.messaging.devstack.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CatalogSearchTest {

    private static final CatalogSearch SEARCH = new DemoCatalog().searcher();

    private static CatalogSearch.Result search(String q) {
        return SEARCH.search(q, Map.of(), 0, 20);
    }

    @Test
    void theWholeSkuRanksItsPartFirst() {
        assertThat(search("BRG-6204-2RS").items().get(0).part().sku()).isEqualTo("BRG-6204-2RS");
        assertThat(search("100 brg 6204 2rs please").items().get(0).part().sku()).isEqualTo("BRG-6204-2RS");
    }

    @Test
    void sizesNarrowAndTypesCount() {
        assertThat(search("hex bolts").total()).isGreaterThan(100);
        CatalogSearch.Result m8x30 = search("hex bolt M8 x 30");
        assertThat(m8x30.items()).extracting(h -> h.part().sku()).containsExactly("BLT-M8X30", "BLT-M8X30-HDG", "BLT-M8X30-A2");
        assertThat(search("6204 bearing").items()).extracting(h -> h.part().sku())
                .containsExactly("BRG-6204-2RS", "BRG-6204-ZZ", "BRG-6204-OPEN");
    }

    @Test
    void typosAndPrefixesAreTolerated() {
        assertThat(search("6204 baering").items()).extracting(h -> h.part().sku()).contains("BRG-6204-2RS");
        assertThat(search("hex blots m10").items()).allSatisfy(h -> assertThat(h.part().sku()).startsWith("BLT-M10X"));
        assertThat(search("bear 6205").items().get(0).part().sku()).startsWith("BRG-6205");
    }

    @Test
    void filtersPagingAndFacets() {
        CatalogSearch.Result page = SEARCH.search("hex bolt", Map.of("size", "M8"), 1, 5);
        assertThat(page.total()).isEqualTo(36);
        assertThat(page.items()).hasSize(5).allSatisfy(h -> assertThat(h.attributes()).containsEntry("size", "M8"));
        assertThat(page.facets().get("material")).containsEntry("stainless A2", 12L);
        assertThat(search("zzqqx").total()).isZero();
    }
}
