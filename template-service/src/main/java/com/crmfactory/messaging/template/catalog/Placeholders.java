package com.crmfactory.messaging.template.catalog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * The {@code {{variable}}} placeholders of template text: finding them and filling them in. Names
 * follow Twilio's rule for Content variables (at most 16 characters, no spaces); we also restrict them
 * to letters, digits and '_' so that a name is always safe to put in a JSON key or a URL.
 */
public final class Placeholders {

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,16}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

    private Placeholders() {
    }

    /**
     * The variable names used in {@code text}, in order of first use.
     *
     * @param field the request field the text came from, named in the error
     * @throws UnprocessableException for a malformed placeholder such as {@code {{first name}}} or an unclosed {@code {{}
     */
    public static Set<String> namesIn(String text, String field) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            if (!NAME.matcher(name).matches()) {
                throw new UnprocessableException(field, "placeholder " + matcher.group()
                        + " is malformed: a variable name has 1 to 16 letters, digits or '_'");
            }
            names.add(name);
            matcher.appendReplacement(rest, "");
        }
        matcher.appendTail(rest);
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            throw new UnprocessableException(field, "has an unbalanced '{{' or '}}': write placeholders as {{name}}");
        }
        return names;
    }

    /**
     * Replaces every placeholder of {@code text} by its value.
     *
     * @throws UnprocessableException naming {@code variables.<name>} when a value is missing or blank
     *         (Twilio rejects empty Content variables with error 21656)
     */
    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new UnprocessableException("variables." + name,
                        "variable '" + name + "' is " + (value == null ? "missing" : "blank") + ": give it a value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
