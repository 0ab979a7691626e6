package com.crmfactory.messaging.agent.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Objects;

/**
 * The labelled utterances the classifier is built from: the Bitext dataset plus the project's own
 * domain examples (classpath {@code intent/}). The split is a fixed function of the data (groups of
 * near-duplicate utterances), so the trainer and the evaluation command agree on which rows are held out without
 * sharing state.
 */
public final class IntentDataset {

    public enum Split { TRAIN, CALIBRATION, TEST }

    public static final String BITEXT = "intent/bitext-customer-service-intents.csv";
    public static final String OWN = "intent/agent-intents.csv";

    private IntentDataset() {
    }

    /** Both shipped CSVs. */
    public static List<IntentExample> shipped() {
        List<IntentExample> all = new ArrayList<>(readClasspath(BITEXT));
        all.addAll(readClasspath(OWN));
        return all;
    }

    /** Folds of the cross-validation: each holds out a fifth of the rows (by a hash of each row) as its test set. */
    public static final int FOLDS = 5;
    /** The fold the shipped model is trained on and {@link IntentEvaluation} reports. */
    public static final int SHIPPED_FOLD = 4;

    /** The former row-wise split (70/10/20 by a hash of each row): near-copies of a test row sit in training. */
    public static Split rowSplitOf(IntentExample example) {
        return splitOf(bucketOf(example), SHIPPED_FOLD);
    }

    private static int bucketOf(IntentExample example) {
        return Math.floorMod(Objects.hash(example.utterance().trim().toLowerCase(), example.intent()) * 0x9E3779B1, 100);
    }

    /** Fold f tests buckets [20f, 20f + 20), calibrates on the ten before them and trains on the other seventy. */
    private static Split splitOf(int bucket, int fold) {
        int offset = Math.floorMod(bucket - 20 * fold, 100);
        return offset < 20 ? Split.TEST : offset >= 90 ? Split.CALIBRATION : Split.TRAIN;
    }

    /** The purged split of the shipped fold. */
    public static Map<IntentExample, Split> groupSplit(List<IntentExample> examples) {
        return groupSplit(examples, SHIPPED_FOLD);
    }

    /**
     * The purged split: a fifth of the rows are the fold's test set (by a hash of each row); every other row of the same
     * intent that is a near-copy of a test row — sharing ≥ 80 % of its words with it (of the shorter one; placeholders
     * and case ignored; utterances under four words only with the same words) — is left out of training and calibration
     * altogether ({@code null}). So no test utterance has a near-copy in training, and the test figure measures
     * generalisation to new phrasings, not recall. The rest: 70/10 train/calibration. The folds' test sets are disjoint.
     */
    public static Map<IntentExample, Split> groupSplit(List<IntentExample> examples, int fold) {
        List<BitSet> words = new ArrayList<>();
        Map<String, Integer> vocabulary = new HashMap<>();
        for (IntentExample e : examples) {
            BitSet set = new BitSet();
            for (String w : e.utterance().toLowerCase(Locale.ROOT).replaceAll("\\{\\{[^}]*}}", " ").split("[^a-z0-9']+")) {
                if (!w.isBlank()) {
                    set.set(vocabulary.computeIfAbsent(w, k -> vocabulary.size()));
                }
            }
            words.add(set);
        }
        Map<IntentExample, Split> splits = new HashMap<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Split split = splitOf(bucketOf(examples.get(i)), fold);
            splits.put(examples.get(i), split);
            if (split == Split.TEST) {
                test.add(i);
            }
        }
        for (int i = 0; i < examples.size(); i++) {
            if (splits.get(examples.get(i)) == Split.TEST) {
                continue;
            }
            for (int t : test) {
                // a near-copy under another intent is a hard negative worth learning from, not a leak
                if (examples.get(i).intent().equals(examples.get(t).intent()) && nearCopies(words.get(i), words.get(t))) {
                    splits.put(examples.get(i), null);
                    break;
                }
            }
        }
        return splits;
    }

    static boolean nearCopies(BitSet a, BitSet b) {
        int smaller = Math.min(a.cardinality(), b.cardinality());
        int larger = Math.max(a.cardinality(), b.cardinality());
        if (smaller == 0 || smaller < 4 && smaller != larger) {
            return a.equals(b);
        }
        BitSet common = (BitSet) a.clone();
        common.and(b);
        return common.cardinality() >= Math.ceil(0.8 * smaller);
    }

    public static List<IntentExample> of(List<IntentExample> examples, Split split) {
        return of(examples, groupSplit(examples), split);
    }

    public static List<IntentExample> of(List<IntentExample> examples, Map<IntentExample, Split> splits, Split split) {
        return examples.stream().filter(e -> splits.get(e) == split).toList();
    }

    public static List<IntentExample> readClasspath(String resource) {
        InputStream in = IntentDataset.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return read(in);
    }

    /**
     * Reads a CSV with a header naming at least {@code utterance} and {@code intent} columns (the Bitext
     * file has {@code flags,utterance,category,intent}, our own files {@code utterance,intent}).
     */
    public static List<IntentExample> read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                return List.of();
            }
            List<String> columns = parse(header.replace("\uFEFF", ""));
            int u = columns.indexOf("utterance");
            int i = columns.indexOf("intent");
            if (u < 0 || i < 0) {
                throw new IllegalArgumentException("CSV header needs utterance and intent columns: " + header);
            }
            List<IntentExample> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = parse(line);
                rows.add(new IntentExample(cells.get(u), cells.get(i).trim()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 fields on one line (the files have no embedded line breaks). */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quoted) {
                if (c == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cell.append('"');
                    k++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
