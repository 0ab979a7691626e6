package com.crmfactory.messaging.agent.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * A softmax (multinomial logistic regression) classifier over L2-normalised sentence embeddings, with
 * the temperature that calibrates its probabilities and each class's centroid (to tell an utterance
 * that resembles no class at all, such as gibberish, from one that merely splits two classes).
 */
public record IntentModel(String embeddingModel, List<String> labels, float[][] weights, float[] bias,
        double temperature, float[][] centroids, int trainingExamples) {

    public static final String RESOURCE = "intent/intent-model.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static IntentModel load() {
        try (InputStream in = IntentModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + ": run IntentModelTrainer (see README)");
            }
            return JSON.readValue(in, IntentModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file other than the shipped one (the evaluation of a freshly trained model). */
    public static IntentModel load(Path file) throws IOException {
        return JSON.readValue(Files.readString(file), IntentModel.class);
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(this));
    }

    /** Raw logits for a normalised embedding. */
    public double[] logits(float[] x) {
        double[] z = new double[labels.size()];
        for (int c = 0; c < z.length; c++) {
            double sum = bias[c];
            float[] w = weights[c];
            for (int d = 0; d < x.length; d++) {
                sum += w[d] * x[d];
            }
            z[c] = sum;
        }
        return z;
    }

    /** Softmax of logits divided by a temperature. */
    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp((logits[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
