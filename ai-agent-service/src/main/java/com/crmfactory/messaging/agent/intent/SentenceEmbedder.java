package com.crmfactory.messaging.agent.intent;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/** The in-process ONNX sentence-embedding model (all-MiniLM-L6-v2, quantised, {@link SingleThreadMiniLm}), L2-normalised vectors. */
public final class SentenceEmbedder {

    public static final String MODEL_NAME = "all-minilm-l6-v2-q";

    private final EmbeddingModel model = new SingleThreadMiniLm();

    public float[] embed(String text) {
        return normalise(model.embed(text.isBlank() ? "?" : text).content().vector());
    }

    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(t -> TextSegment.from(t.isBlank() ? "?" : t)).toList()).content().stream()
                .map(e -> normalise(e.vector())).toList();
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
