package com.crmfactory.messaging.devstack.twilio;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Twilio's Content API accepts, for the content types the platform creates: the request schema of
 * {@code twilio_content_v1.json} ({@code ContentCreateRequest}: {@code language} and {@code types} required;
 * per type its required fields, no unknown ones, strings where strings belong) and the documented limits
 * (docs/twilio.md#content-api-types-and-limits). Each check answers the first problem as Twilio's error
 * message would name it, or null.
 */
final class ContentRules {

    /** Content types this simulator can show; Twilio knows more, which it answers with a clear refusal. */
    static final Set<String> TYPES = Set.of("twilio/text", "twilio/media", "twilio/quick-reply", "twilio/list-picker");
    static final Set<String> CATEGORIES = Set.of("UTILITY", "MARKETING", "AUTHENTICATION");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");

    private ContentRules() {
    }

    @SuppressWarnings("unchecked")
    static String checkCreate(Object request) {
        if (!(request instanceof Map<?, ?> body)) {
            return "The request body must be a JSON object";
        }
        for (Object field : body.keySet()) {
            if (!Set.of("friendly_name", "language", "variables", "types").contains(field)) {
                return "Unknown parameter " + field;
            }
        }
        if (!(body.get("language") instanceof String language) || language.isBlank()) {
            return body.get("language") == null ? "Missing required parameter language" : "language must be a string";
        }
        if (body.get("friendly_name") != null && !(body.get("friendly_name") instanceof String)) {
            return "friendly_name must be a string";
        }
        Object variables = body.get("variables");
        if (variables != null) {
            if (!(variables instanceof Map<?, ?> map)) {
                return "variables must be an object of variable name to sample value";
            }
            if (map.size() > 100) {
                return "variables: at most 100";
            }
            for (Map.Entry<?, ?> variable : map.entrySet()) {
                if (!(variable.getValue() instanceof String sample) || sample.isBlank()) {
                    return "variables." + variable.getKey() + " must be a non-empty string";
                }
                if (String.valueOf(variable.getKey()).length() > 16 || String.valueOf(variable.getKey()).contains(" ")) {
                    return "variables." + variable.getKey() + ": a variable name has at most 16 characters and no spaces";
                }
            }
        }
        if (body.get("types") == null) {
            return "Missing required parameter types";
        }
        if (!(body.get("types") instanceof Map<?, ?> types) || types.isEmpty()) {
            return "types must be an object with at least one content type";
        }
        for (Map.Entry<?, ?> type : types.entrySet()) {
            String name = String.valueOf(type.getKey());
            if (!TYPES.contains(name)) {
                return "types: unsupported content type " + name + " (this simulator knows " + TYPES + ")";
            }
            if (!(type.getValue() instanceof Map<?, ?> fields)) {
                return "types." + name + " must be an object";
            }
            String problem = checkType(name, (Map<String, Object>) fields);
            if (problem != null) {
                return "types." + name + problem;
            }
        }
        return null;
    }

    private static String checkType(String type, Map<String, Object> f) {
        return switch (type) {
            case "twilio/text" -> first(fields(f, Set.of("body"), Set.of("body")), text(f, "body", 1600, true));
            case "twilio/media" -> first(fields(f, Set.of("body", "media"), Set.of("media")), text(f, "body", 1600, false),
                    list(f, "media", 1, 10, item -> item instanceof String url && !url.isBlank() ? null : " must be URLs"));
            case "twilio/quick-reply" -> first(fields(f, Set.of("body", "actions"), Set.of("body", "actions")),
                    text(f, "body", 1024, true), list(f, "actions", 1, 10, ContentRules::checkAction));
            case "twilio/list-picker" -> first(fields(f, Set.of("body", "button", "items"), Set.of("body", "button", "items")),
                    text(f, "body", 1024, true), text(f, "button", 20, true), list(f, "items", 1, 10, ContentRules::checkItem));
            default -> " is not supported";
        };
    }

    @SuppressWarnings("unchecked")
    private static String checkAction(Object action) {
        if (!(action instanceof Map<?, ?> a)) {
            return " must be objects";
        }
        Map<String, Object> f = (Map<String, Object>) a;
        if (f.get("type") != null && !"QUICK_REPLY".equals(f.get("type"))) {
            return ".type must be QUICK_REPLY";
        }
        return first(fields(f, Set.of("type", "title", "id"), Set.of("title")), text(f, "title", 20, true), text(f, "id", 200, false));
    }

    @SuppressWarnings("unchecked")
    private static String checkItem(Object item) {
        if (!(item instanceof Map<?, ?> i)) {
            return " must be objects";
        }
        Map<String, Object> f = (Map<String, Object>) i;
        return first(fields(f, Set.of("id", "item", "description"), Set.of("id", "item")), text(f, "item", 24, true),
                text(f, "id", 200, true), text(f, "description", 72, false));
    }

    /** {@code {name, category}} for a content that exists and WhatsApp can approve. */
    static String checkApproval(Object request, Map<String, Object> content) {
        if (!(request instanceof Map<?, ?> body)) {
            return "The request body must be a JSON object";
        }
        if (!(body.get("name") instanceof String name)) {
            return "Missing required parameter name";
        }
        if (!TEMPLATE_NAME.matcher(name).matches()) {
            return "name must be lower case letters, digits and underscores";
        }
        if (!(body.get("category") instanceof String category)) {
            return "Missing required parameter category";
        }
        if (!CATEGORIES.contains(category)) {
            return "category must be one of " + CATEGORIES;
        }
        if (content != null && content.get("types") instanceof Map<?, ?> types && types.containsKey("twilio/list-picker")) {
            return "twilio/list-picker is in-session only: it cannot be submitted for WhatsApp approval";
        }
        return null;
    }

    /** The variable names a text uses ({@code {{name}}}). */
    static List<String> placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String fields(Map<String, Object> f, Set<String> allowed, Set<String> required) {
        for (String field : f.keySet()) {
            if (!allowed.contains(field)) {
                return ": unknown field " + field;
            }
        }
        for (String field : required) {
            if (f.get(field) == null) {
                return ": missing required field " + field;
            }
        }
        return null;
    }

    private static String text(Map<String, Object> f, String field, int max, boolean required) {
        Object value = f.get(field);
        if (value == null) {
            return required ? ": missing required field " + field : null;
        }
        if (!(value instanceof String s)) {
            return "." + field + " must be a string";
        }
        if (required && s.isBlank()) {
            return "." + field + " must not be empty";
        }
        return s.length() > max ? "." + field + " is longer than " + max + " characters" : null;
    }

    private static String list(Map<String, Object> f, String field, int min, int max,
            java.util.function.Function<Object, String> each) {
        if (!(f.get(field) instanceof List<?> values)) {
            return "." + field + " must be an array";
        }
        if (values.size() < min || values.size() > max) {
            return "." + field + " must have " + min + " to " + max + " entries";
        }
        for (int i = 0; i < values.size(); i++) {
            String problem = each.apply(values.get(i));
            if (problem != null) {
                return "." + field + "[" + i + "]" + problem;
            }
        }
        return null;
    }

    private static String first(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
