package com.crmfactory.messaging.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.agent.context.CustomerMessage;

class ShortAnswersTest {

    @Test
    void yesAndNoInTheirEverydayForms() {
        assertThat(List.of("yes", "Yes please", "ok go ahead", "sure", "yep, place it", "confirm", "👍"))
                .allMatch(ShortAnswers::yes);
        assertThat(List.of("no", "no thanks", "nope", "not now", "don't place it")).allMatch(ShortAnswers::no);
        assertThat(List.of("yes but change the bolts", "please", "how much is it", "no idea what a 2RS is"))
                .noneMatch(ShortAnswers::yes);
        assertThat(ShortAnswers.no("ok go ahead")).isFalse();
    }

    @Test
    void contextWords() {
        assertThat(ShortAnswers.cancelThat("cancel that")).isTrue();
        assertThat(ShortAnswers.cancelThat("cancel my order SO-100001")).isFalse();
        assertThat(ShortAnswers.pick("2")).isEqualTo(2);
        assertThat(ShortAnswers.pick("option 3")).isEqualTo(3);
        assertThat(ShortAnswers.pick("2 bolts")).isEqualTo(-1);
        assertThat(ShortAnswers.makeIt("make it 200")).isEqualTo(200);
        assertThat(ShortAnswers.makeIt("300 instead")).isEqualTo(300);
        assertThat(ShortAnswers.sameAsLastTime("same as last time please")).isTrue();
        assertThat(ShortAnswers.sameAsLastTime("repeat my last order")).isTrue();
        assertThat(ShortAnswers.number("40")).isEqualTo(40);
        assertThat(ShortAnswers.number("40 bolts")).isNull();
    }

    @Test
    void earlierMessagesAreSummarised() {
        String summary = EarlierMessages.summary(List.of(
                new CustomerMessage("1", 1, "CUSTOMER", "hi, price of BRG-6204-2RS?", null, List.of(), null, java.time.Instant.now()),
                new CustomerMessage("2", 2, "AI", "BRG-6204-2RS costs…", null, List.of(), null, java.time.Instant.now()),
                new CustomerMessage("3", 3, "CUSTOMER", "and where is SO-100001", null, List.of(), null, java.time.Instant.now())));
        assertThat(summary).contains("3 earlier messages").contains("BRG-6204-2RS").contains("SO-100001")
                .contains("hi, price of BRG-6204-2RS?");
    }
}
