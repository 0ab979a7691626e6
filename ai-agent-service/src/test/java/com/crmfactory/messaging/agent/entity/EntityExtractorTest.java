package com.crmfactory.messaging.agent.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private final EntityExtractor extractor = new EntityExtractor();

    @Test
    void quantitiesWithUnitsOrOfAreQuantities() {
        Entities boxes = extractor.extract("3 boxes of M8 nuts");
        assertThat(boxes.quantity()).isEqualTo(3);
        assertThat(boxes.unit()).isEqualTo("box");
        assertThat(boxes.searchText()).isEqualTo("M8 nuts");
        assertThat(extractor.extract("I want to order 100 of BRG-6204-2RS").quantity()).isEqualTo(100);
        assertThat(extractor.extract("how much for 250 units of BRG-6204-2RS?").quantity()).isEqualTo(250);
    }

    @Test
    void sizesStayWholeAndBareNumbersStayUndecided() {
        Entities bolts = extractor.extract("I need 20 hex bolts M8 x 30");
        assertThat(bolts.quantity()).isNull();
        assertThat(bolts.searchText()).isEqualTo("hex bolts M8X30");
        assertThat(bolts.bareNumbers()).containsExactly(20L);
        assertThat(bolts.afterWords()).isEmpty();
        Entities bearing = extractor.extract("price of 250 6204 bearings");
        assertThat(bearing.bareNumbers()).containsExactly(250L, 6204L);
        Entities length = extractor.extract("hex bolt M8 30");
        assertThat(length.afterWords()).containsExactly(30L);
        assertThat(extractor.extract("push in fitting 8 mm elbow").searchText()).isEqualTo("push fitting 8mm elbow");
    }

    @Test
    void orderNumbersAndFillerWords() {
        Entities order = extractor.extract("where is my order SO-100001?");
        assertThat(order.orderNumber()).isEqualTo("SO-100001");
        assertThat(order.hasSearchText()).isFalse();
        assertThat(extractor.extract("how much are your ball bearings?").searchText()).isEqualTo("ball bearings");
    }
}
