package com.crmfactory.messaging.agent.dialogue.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted conversations of the dialogue suite ({@code src/test/resources/dialogues/*.txt}). A conversation:
 * <pre>
 * === name
 * channel: whatsapp | sms          (default whatsapp)
 * phone: +15550100001              (default: a fresh number per conversation)
 * &gt; customer text                  one customer turn; "[tap ID] title" taps a button or list item, "[photo NAME] text" sends an image
 * &lt; says: fragment                 expectations on that turn's outcome (see {@link Expectation})
 * </pre>
 */
record Script(String name, String channel, String phone, List<Turn> turns) {

    record Turn(String text, String tapId, String photo, List<Expectation> expectations) {
    }

    /** {@code kind: argument}; kinds: says, not, list, buttons, template, escalates, no-escalation, intent, draft, order. */
    record Expectation(String kind, String argument) {

        @Override
        public String toString() {
            return kind + ": " + argument;
        }
    }

    static List<Script> load(String... resources) {
        List<Script> all = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = Script.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                all.addAll(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static List<Script> parse(BufferedReader reader) throws IOException {
        List<Script> scripts = new ArrayList<>();
        String name = null;
        String channel = "whatsapp";
        String phone = null;
        List<Turn> turns = new ArrayList<>();
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("===")) {
                if (name != null) {
                    scripts.add(new Script(name, channel, phone, List.copyOf(turns)));
                }
                name = line.substring(3).strip();
                channel = "whatsapp";
                phone = null;
                turns = new ArrayList<>();
            } else if (line.startsWith("channel:")) {
                channel = line.substring(8).strip();
            } else if (line.startsWith("phone:")) {
                phone = line.substring(6).strip();
            } else if (line.startsWith(">")) {
                String text = line.substring(1).strip();
                String tap = null;
                String photo = null;
                if (text.startsWith("[tap ")) {
                    tap = text.substring(5, text.indexOf(']'));
                    text = text.substring(text.indexOf(']') + 1).strip();
                } else if (text.startsWith("[photo ")) {
                    photo = text.substring(7, text.indexOf(']'));
                    text = text.substring(text.indexOf(']') + 1).strip();
                }
                turns.add(new Turn(text, tap, photo, new ArrayList<>()));
            } else if (line.startsWith("<")) {
                String e = line.substring(1).strip();
                int colon = e.indexOf(':');
                turns.get(turns.size() - 1).expectations().add(colon < 0 ? new Expectation(e, "")
                        : new Expectation(e.substring(0, colon).strip(), e.substring(colon + 1).strip()));
            } else {
                throw new IllegalArgumentException("unreadable script line in " + name + ": " + line);
            }
        }
        if (name != null) {
            scripts.add(new Script(name, channel, phone, List.copyOf(turns)));
        }
        return scripts;
    }
}
