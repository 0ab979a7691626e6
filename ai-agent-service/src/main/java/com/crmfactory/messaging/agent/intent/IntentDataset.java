package com.crmfactory.messaging.agent.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The labelled utterances the classifier is built from: the Bitext dataset plus the project's own
 * domain examples (classpath {@code intent/}). The split is a fixed function of the utterance text, so
 * the trainer and the evaluation command agree on which rows are held out without sharing state.
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

    /** 70 % train, 10 % calibration (temperature), 20 % test (evaluation only). */
    public static Split splitOf(IntentExample example) {
        int bucket = Math.floorMod(Objects.hash(example.utterance().trim().toLowerCase(), example.intent()) * 0x9E3779B1, 100);
        return bucket < 70 ? Split.TRAIN : bucket < 80 ? Split.CALIBRATION : Split.TEST;
    }

    public static List<IntentExample> of(List<IntentExample> examples, Split split) {
        return examples.stream().filter(e -> splitOf(e) == split).toList();
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
