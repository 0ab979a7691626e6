package com.crmfactory.messaging.agent.intent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds {@code intent/intent-model.json} from the train split of the shipped examples (never from the
 * test split the evaluation command reports on). Run once after the data changes:
 * {@code java -Dloader.main=com.crmfactory.messaging.agent.intent.IntentModelTrainer -cp
 * ai-agent-service/target/ai-agent-service-0.1.0-SNAPSHOT.jar org.springframework.boot.loader.launch.PropertiesLauncher
 * ai-agent-service/src/main/resources/intent/intent-model.json}
 */
public final class IntentModelTrainer {

    static final int DEFAULT_EPOCHS = 400;

    private IntentModelTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "ai-agent-service/src/main/resources/intent/intent-model.json");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_EPOCHS;
        List<IntentExample> all = IntentDataset.shipped();
        Map<IntentExample, IntentDataset.Split> splits = IntentDataset.groupSplit(all);
        IntentModel model = train(new SentenceEmbedder(), all, splits, epochs, true);
        model.save(out);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** A model trained on the split's train rows, its temperature fitted on the calibration rows; labels from all rows. */
    static IntentModel train(SentenceEmbedder embedder, List<IntentExample> all, Map<IntentExample, IntentDataset.Split> splits,
            int epochs, boolean verbose) {
        List<IntentExample> train = IntentDataset.of(all, splits, IntentDataset.Split.TRAIN);
        List<IntentExample> calibration = IntentDataset.of(all, splits, IntentDataset.Split.CALIBRATION);
        List<String> labels = new ArrayList<>(new TreeSet<>(all.stream().map(IntentExample::intent).toList()));
        long t0 = System.nanoTime();
        List<float[]> xTrain = embedder.embedAll(train.stream().map(IntentExample::utterance).toList());
        List<float[]> xCal = embedder.embedAll(calibration.stream().map(IntentExample::utterance).toList());
        if (verbose) {
            System.out.printf("embedded %d + %d utterances in %d ms%n", xTrain.size(), xCal.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        int[] yTrain = train.stream().mapToInt(e -> labels.indexOf(e.intent())).toArray();
        int[] yCal = calibration.stream().mapToInt(e -> labels.indexOf(e.intent())).toArray();
        t0 = System.nanoTime();
        double[][] w = SoftmaxTrainer.fit(xTrain, yTrain, labels.size(), epochs);
        int dims = xTrain.get(0).length;
        float[][] weights = new float[labels.size()][dims];
        float[] bias = new float[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            for (int d = 0; d < dims; d++) {
                weights[c][d] = (float) w[c][d];
            }
            bias[c] = (float) w[c][dims];
        }
        IntentModel raw = new IntentModel(SentenceEmbedder.MODEL_NAME, labels, weights, bias, 1.0, centroids(xTrain, yTrain,
                labels.size()), train.size());
        double temperature = SoftmaxTrainer.temperature(xCal.stream().map(raw::logits).toList(), yCal);
        IntentModel model = new IntentModel(raw.embeddingModel(), labels, weights, bias, temperature, raw.centroids(),
                train.size());
        if (verbose) {
            long correct = 0;
            for (int n = 0; n < xCal.size(); n++) {
                double[] z = model.logits(xCal.get(n));
                int best = 0;
                for (int c = 1; c < z.length; c++) {
                    best = z[c] > z[best] ? c : best;
                }
                correct += best == yCal[n] ? 1 : 0;
            }
            System.out.printf("trained %d labels in %d ms; temperature %.2f; calibration accuracy %.4f%n", labels.size(),
                    (System.nanoTime() - t0) / 1_000_000, temperature, (double) correct / xCal.size());
        }
        return model;
    }

    private static float[][] centroids(List<float[]> x, int[] y, int classes) {
        float[][] sums = new float[classes][x.get(0).length];
        for (int n = 0; n < x.size(); n++) {
            for (int d = 0; d < sums[0].length; d++) {
                sums[y[n]][d] += x.get(n)[d];
            }
        }
        for (int c = 0; c < classes; c++) {
            sums[c] = SentenceEmbedder.normalise(sums[c]);
        }
        return sums;
    }
}
