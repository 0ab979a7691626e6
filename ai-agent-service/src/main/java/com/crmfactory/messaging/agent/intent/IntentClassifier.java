package com.crmfactory.messaging.agent.intent;

/**
 * Classifies a customer utterance offline: embed with the in-process model, score with the trained
 * softmax classifier, calibrate with the fitted temperature; then the class-pair rules ({@link PairRules}) for the
 * pairs the embedding confuses. Thread-safe; ~5–15 ms per call on 2 cores.
 */
public class IntentClassifier {

    private final SentenceEmbedder embedder;
    private final IntentModel model;

    public IntentClassifier(SentenceEmbedder embedder, IntentModel model) {
        this.embedder = embedder;
        this.model = model;
    }

    public static IntentClassifier shipped() {
        return new IntentClassifier(new SentenceEmbedder(), IntentModel.load());
    }

    public IntentPrediction classify(String text) {
        float[] x = embedder.embed(text);
        double[] p = IntentModel.softmax(model.logits(x), model.temperature());
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        var decision = PairRules.decide(text, model.labels().get(best));
        if (decision.isEmpty()) {
            return new IntentPrediction(model.labels().get(best), p[best], IntentModel.cosine(x, model.centroids()[best]));
        }
        // the model was sure of the pair, the words chose the side: the confidence is the pair's
        int chosen = model.labels().indexOf(decision.get().intent());
        int other = model.labels().indexOf(decision.get().other());
        return new IntentPrediction(decision.get().intent(), Math.min(1.0, p[chosen] + p[other]),
                IntentModel.cosine(x, model.centroids()[chosen]));
    }

    /** The sentence model, shared with the part ranking (one ONNX session per process). */
    public SentenceEmbedder embedder() {
        return embedder;
    }

    public IntentModel model() {
        return model;
    }
}
