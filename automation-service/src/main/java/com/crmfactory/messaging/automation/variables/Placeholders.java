package com.crmfactory.messaging.automation.variables;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} placeholders in action texts. Rendering never leaves a placeholder in the output: a
 * variable without a value fails with {@link MissingVariableException}, so a customer never receives
 * {@code {{contact.name}}} literally.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    private Placeholders() {
    }

    /** The variable names used in {@code text}, in order of first use. */
    public static Set<String> namesIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Whether {@code text} is exactly one placeholder, e.g. {@code {{contact.phone}}}. */
    public static boolean isSinglePlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text.trim()).matches();
    }

    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new MissingVariableException(matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
