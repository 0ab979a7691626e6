package com.crmfactory.messaging.agent.intent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generalisation measured where nobody looked: the pair rules and our paraphrases were written after reading the
 * confusions of the shipped fold ({@link IntentDataset#SHIPPED_FOLD}), so {@link IntentEvaluation}'s figure is an upper
 * estimate. This command trains a fresh model per other fold (its own purged split, near-copies of its test rows left
 * out of training) and classifies that fold's test rows, which are disjoint from the shipped fold's, with the same
 * pair rules. Only Bitext rows of the 27 dataset intents are scored (our own rows are not the benchmark).
 * Run (after {@code ./mvnw -o -q package -pl ai-agent-service -DskipTests}; folds 0–3 by default, or as arguments):
 * {@code java -Dloader.main=com.crmfactory.messaging.agent.intent.IntentCrossValidation -cp
 * ai-agent-service/target/ai-agent-service-0.1.0-SNAPSHOT.jar org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class IntentCrossValidation {

    private IntentCrossValidation() {
    }

    public static void main(String[] args) {
        int[] folds = args.length == 0 ? new int[] {0, 1, 2, 3} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<IntentExample> all = IntentDataset.shipped();
        Set<IntentExample> bitext = new HashSet<>(IntentDataset.readClasspath(IntentDataset.BITEXT));
        SentenceEmbedder embedder = new SentenceEmbedder();
        IntentTally tally = new IntentTally();
        int rows = 0;
        int correct = 0;
        for (int fold : folds) {
            long t0 = System.nanoTime();
            Map<IntentExample, IntentDataset.Split> splits = IntentDataset.groupSplit(all, fold);
            IntentModel model = IntentModelTrainer.train(embedder, all, splits, IntentModelTrainer.DEFAULT_EPOCHS, false);
            IntentClassifier classifier = new IntentClassifier(embedder, model);
            List<IntentExample> test = IntentDataset.of(all, splits, IntentDataset.Split.TEST).stream()
                    .filter(bitext::contains).toList();
            int foldCorrect = 0;
            for (IntentExample row : test) {
                foldCorrect += tally.add(row.intent(), classifier.classify(row.utterance()).intent()) ? 1 : 0;
            }
            rows += test.size();
            correct += foldCorrect;
            System.out.printf("fold %d: trained on %d rows, %d test rows, accuracy %.4f (%d s)%n", fold,
                    model.trainingExamples(), test.size(), (double) foldCorrect / test.size(),
                    (System.nanoTime() - t0) / 1_000_000_000);
        }
        System.out.printf("folds %s: %d test rows, accuracy %.4f over the dataset intents%n", Arrays.toString(folds), rows,
                (double) correct / rows);
        tally.print();
    }
}
