package com.crmfactory.messaging.devstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadStepVerdictTest {

    @Test
    void aStepThatKeepsUpIsSustained() {
        assertThat(LoadStep.verdict(0, 0, 0, Map.of(), 300, 320)).isEqualTo(LoadStep.SUSTAINED);
    }

    @Test
    void aStepWhoseLastThirdWaitsClearlyLongerHasAGrowingBacklog() {
        assertThat(LoadStep.verdict(0, 0, 0, Map.of(), 1_717, 7_529))
                .isEqualTo("backlog growing (reply p50 1717 ms in the first third, 7529 ms in the last)");
    }

    @Test
    void aStepThatBeganBehindIsNotJudgedEvenWhenItsQueueShrankMeanwhile() {
        // what a step after a cold warm-up looked like: seconds of wait, less at the end than at the start
        assertThat(LoadStep.verdict(2_506, 0, 0, Map.of(), 7_000, 4_000))
                .startsWith("not judged: began behind, 2506 records still queued");
        assertThat(LoadStep.verdict(LoadStep.CAUGHT_UP_LAG, 0, 0, Map.of(), 300, 320)).isEqualTo(LoadStep.SUSTAINED);
    }

    @Test
    void lostDuplicatedAndRefusedMessagesAreNamed() {
        assertThat(LoadStep.verdict(0, 3, 0, Map.of(), 300, 320)).isEqualTo("3 acknowledged messages unanswered after the drain");
        assertThat(LoadStep.verdict(0, 0, 2, Map.of(), 300, 320)).isEqualTo("2 duplicate replies");
        assertThat(LoadStep.verdict(0, 0, 0, Map.of(503, 4), 300, 320)).isEqualTo("webhooks refused: {503=4}");
    }
}
