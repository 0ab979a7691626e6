package com.crmfactory.messaging.agent.intent;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The evaluation command: classifies a CSV of {@code utterance,intent} rows and prints accuracy overall
 * and per intent, the most frequent confusions and the latency p50/p99 of one classification. Without
 * an argument it uses the held-out test split of the shipped data: no test utterance has a near-copy in training
 * ({@link IntentDataset#groupSplit}), so the figure is generalisation to new phrasings, not recall of near-copies.
 * Run (after {@code ./mvnw -o -q package -pl ai-agent-service -DskipTests}):
 * ({@code -Dintent.model=file.json} evaluates another model file)
 * {@code java -Dloader.main=com.crmfactory.messaging.agent.intent.IntentEvaluation -cp
 * ai-agent-service/target/ai-agent-service-0.1.0-SNAPSHOT.jar org.springframework.boot.loader.launch.PropertiesLauncher [file.csv]}
 */
public final class IntentEvaluation {

    private IntentEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        List<IntentExample> rows;
        String modelFile = System.getProperty("intent.model");
        if (args.length > 0) {
            try (InputStream in = new FileInputStream(args[0])) {
                rows = IntentDataset.read(in);
            }
        } else {
            List<IntentExample> all = IntentDataset.shipped();
            Map<IntentExample, IntentDataset.Split> splits = IntentDataset.groupSplit(all);
            rows = all.stream().filter(e -> splits.get(e) == IntentDataset.Split.TEST).toList();
            System.out.printf("purged split: %d rows, %d held out for the test, %d near-copies of them left out of "
                    + "training, %d trained on%n", all.size(), rows.size(), splits.values().stream().filter(v -> v == null)
                    .count(), splits.values().stream().filter(v -> v == IntentDataset.Split.TRAIN).count());
        }
        Set<String> datasetIntents = IntentDataset.readClasspath(IntentDataset.BITEXT).stream().map(IntentExample::intent)
                .collect(Collectors.toSet());
        IntentClassifier classifier = modelFile == null ? IntentClassifier.shipped()
                : new IntentClassifier(new SentenceEmbedder(), IntentModel.load(java.nio.file.Path.of(modelFile)));
        for (int i = 0; i < 50; i++) {
            classifier.classify("warm up the model " + i);
        }
        IntentTally tally = new IntentTally();
        long[] nanos = new long[rows.size()];
        int correct = 0;
        int datasetRows = 0;
        int datasetCorrect = 0;
        for (int n = 0; n < rows.size(); n++) {
            IntentExample row = rows.get(n);
            long t0 = System.nanoTime();
            IntentPrediction prediction = classifier.classify(row.utterance());
            nanos[n] = System.nanoTime() - t0;
            boolean ok = tally.add(row.intent(), prediction.intent());
            correct += ok ? 1 : 0;
            if (datasetIntents.contains(row.intent())) {
                datasetRows++;
                datasetCorrect += ok ? 1 : 0;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("rows %d, accuracy %.4f overall; %.4f over the %d dataset intents (%d rows)%n", rows.size(),
                (double) correct / rows.size(), datasetRows == 0 ? 0 : (double) datasetCorrect / datasetRows,
                datasetIntents.size(), datasetRows);
        tally.print();
        System.out.printf("latency per classification: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(nanos, 0.50), percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
