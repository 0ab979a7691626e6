package com.crmfactory.messaging.agent.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** Our single-threaded ONNX session is the same model as langchain4j's stock class: the same vectors. */
class SentenceEmbedderTest {

    private static final List<String> TEXTS = List.of("how much is BRG-6204-2RS?", "I need 20 hex bolts M8 x 30",
            "could you ask an agent about my bill?", "");

    private final SentenceEmbedder embedder = new SentenceEmbedder();

    @Test
    void embedsAsTheStockModelDoes() {
        var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            float[] expected = SentenceEmbedder.normalise(stock.embed(text.isBlank() ? "?" : text).content().vector());
            float[] actual = embedder.embed(text);
            assertThat(actual).hasSize(384);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s [%d]", text, i).isCloseTo(expected[i], within(1e-5f));
            }
        }
    }

    @Test
    void embedAllGivesEachTextItsOwnVector() {
        List<float[]> all = embedder.embedAll(TEXTS);
        assertThat(all).hasSize(TEXTS.size());
        for (int t = 0; t < TEXTS.size(); t++) {
            assertThat(all.get(t)).as(TEXTS.get(t)).containsExactly(embedder.embed(TEXTS.get(t)), within(1e-6f));
        }
    }
}
