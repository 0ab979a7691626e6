package com.crmfactory.messaging.agent.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.agent.context.CustomerMessage;

/** A turn reads the messages it answers from the history it loads anyway, when the history reaches back far enough. */
class PendingMessagesTest {

    @Test
    void aShortSessionsUnansweredCustomerMessagesComeFromItsHistory() {
        List<CustomerMessage> history = List.of(message(1, "CUSTOMER"), message(2, "AI"), message(3, "CUSTOMER"),
                message(4, "CUSTOMER"));

        assertThat(TurnService.pendingIn(history, 2)).hasValueSatisfying(
                pending -> assertThat(pending).extracting(CustomerMessage::sequence).containsExactly(3L, 4L));
        assertThat(TurnService.pendingIn(history, 4)).hasValue(List.of());
        assertThat(TurnService.pendingIn(List.of(), 0)).hasValue(List.of());
    }

    @Test
    void aFullHistoryServesWhenItReachesBackToTheFirstUnansweredMessage() {
        List<CustomerMessage> history = LongStream.rangeClosed(11, 10 + TurnService.HISTORY)
                .mapToObj(sequence -> message(sequence, "CUSTOMER")).toList();

        assertThat(TurnService.pendingIn(history, 29)).hasValueSatisfying(
                pending -> assertThat(pending).extracting(CustomerMessage::sequence).containsExactly(30L));
        assertThat(TurnService.pendingIn(history, 10)).hasValueSatisfying(pending -> assertThat(pending).hasSize(TurnService.HISTORY));
    }

    @Test
    void aFullHistoryOfUnansweredMessagesMayNotHoldThemAll() {
        List<CustomerMessage> history = LongStream.rangeClosed(11, 10 + TurnService.HISTORY)
                .mapToObj(sequence -> message(sequence, "CUSTOMER")).toList();

        assertThat(TurnService.pendingIn(history, 5)).isEmpty();
    }

    private static CustomerMessage message(long sequence, String author) {
        return new CustomerMessage("m" + sequence, sequence, author, "text " + sequence, null, List.of(), null,
                Instant.parse("2026-12-05T10:00:00Z").plusSeconds(sequence));
    }
}
