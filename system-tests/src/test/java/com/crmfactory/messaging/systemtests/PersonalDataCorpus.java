package com.crmfactory.messaging.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Message texts, phone numbers and e-mail addresses that must never reach a log file, and the scan
 * that looks for them: each text whole and URL-encoded, every two consecutive words of it, each
 * address, and each number's digits (a masked number keeps only its last four).
 */
public final class PersonalDataCorpus {

    private final Random random = new Random();
    private final List<String> phones = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** A fresh customer number, E.164 in the 555 range. */
    public String phone() {
        String phone = "+1555" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
        phones.add(phone);
        return phone;
    }

    public String email() {
        String email = "kestrel." + Integer.toString(random.nextInt(1 << 30), 36) + "@example.org";
        emails.add(email);
        return email;
    }

    /** A multi-word text holding an e-mail address, a phone number and non-ASCII letters. */
    public String text(String opening) {
        String text = opening + " ümlaut quokka " + Integer.toString(random.nextInt(1 << 30), 36)
                + ", mail " + email() + " or ring " + phone() + " about parcel wombat 🚚 today";
        texts.add(text);
        return text;
    }

    /** Every forbidden string found in the files, with the file it was found in. */
    public List<String> findIn(List<Path> logs) {
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            String content = read(log);
            for (String forbidden : forbidden()) {
                if (content.contains(forbidden)) {
                    found.add("'" + forbidden + "' in " + log.getFileName());
                }
            }
        }
        return found;
    }

    private Set<String> forbidden() {
        Set<String> forbidden = new LinkedHashSet<>();
        for (String text : texts) {
            forbidden.add(text);
            forbidden.add(URLEncoder.encode(text, StandardCharsets.UTF_8));
            String[] words = text.split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                forbidden.add(words[i] + " " + words[i + 1]);
                forbidden.add(words[i] + "+" + words[i + 1]);
            }
        }
        for (String email : emails) {
            forbidden.add(email);
            forbidden.add(URLEncoder.encode(email, StandardCharsets.UTF_8));
        }
        for (String phone : phones) {
            forbidden.add(phone.substring(1));
        }
        return forbidden;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
