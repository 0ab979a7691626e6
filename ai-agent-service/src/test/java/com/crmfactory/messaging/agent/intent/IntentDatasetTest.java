package com.crmfactory.messaging.agent.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntentDatasetTest {

    private final List<IntentExample> rows = List.of(
            new IntentExample("where is my order", "track_order"),
            new IntentExample("where is my order please", "track_order"),
            new IntentExample("where is my package now", "track_order"),
            new IntentExample("I want to cancel my order", "cancel_order"),
            new IntentExample("cancel the order I placed yesterday", "cancel_order"),
            new IntentExample("how do I get a refund", "get_refund"),
            new IntentExample("what is your refund policy", "check_refund_policy"),
            new IntentExample("I need a copy of my invoice", "get_invoice"),
            new IntentExample("why is my invoice so high", "check_invoice"),
            new IntentExample("I can't sign up, the form fails", "registration_problems"));

    @Test
    void theFoldsTestSetsAreDisjointAndCoverEveryRowOnce() {
        Map<IntentExample, Integer> testedIn = new HashMap<>();
        for (int fold = 0; fold < IntentDataset.FOLDS; fold++) {
            for (IntentExample row : IntentDataset.of(rows, IntentDataset.groupSplit(rows, fold), IntentDataset.Split.TEST)) {
                assertThat(testedIn.put(row, fold)).as("%s tested twice", row).isNull();
            }
        }
        assertThat(testedIn.keySet()).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void theShippedFoldIsTheRowSplitPurgedOfNearCopies() {
        Map<IntentExample, IntentDataset.Split> shipped = IntentDataset.groupSplit(rows);
        assertThat(shipped).isEqualTo(IntentDataset.groupSplit(rows, IntentDataset.SHIPPED_FOLD));
        rows.forEach(row -> assertThat(shipped.get(row)).isIn(IntentDataset.rowSplitOf(row), null));
    }

    @Test
    void nearCopiesOfATestRowAreLeftOutOfTrainingInEveryFold() {
        // fifty phrasings sharing 5 of their 6 words: each fold tests some, so none may be trained on
        List<IntentExample> copies = java.util.stream.IntStream.range(0, 50)
                .mapToObj(n -> new IntentExample("where is my order number " + n, "track_order")).toList();
        List<IntentExample> other = List.of(new IntentExample("where is my order number please", "delivery_period"));
        List<IntentExample> all = new java.util.ArrayList<>(copies);
        all.addAll(other);
        for (int fold = 0; fold < IntentDataset.FOLDS; fold++) {
            Map<IntentExample, IntentDataset.Split> splits = IntentDataset.groupSplit(all, fold);
            assertThat(IntentDataset.of(copies, splits, IntentDataset.Split.TEST)).isNotEmpty();
            assertThat(copies).allMatch(row -> splits.get(row) == IntentDataset.Split.TEST || splits.get(row) == null);
            // a near-copy under another intent is a hard negative, kept
            assertThat(splits.get(other.get(0))).isNotNull();
        }
    }
}
