package com.crmfactory.messaging.template.catalog;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * The business rules of a template, checked before anything is stored so that Twilio never rejects what
 * we accepted: the shape each type needs, Twilio's Content API length limits (docs/twilio.md#content-api-types-and-limits) and
 * that the declared variables and the placeholders in the text match exactly. The first broken rule
 * is reported as a 422 naming the field.
 */
public final class TemplateRules {

    /** Twilio allows at most 100 variables per Content resource. */
    public static final int MAX_VARIABLES = 100;
    /** Twilio allows 1 to 10 quick-reply buttons or list-picker items, and at most 10 media URLs. */
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_MEDIA = 10;
    public static final int MAX_OPTION_ID = 200;

    private static final Pattern MEDIA_URL = Pattern.compile("https?://\\S+");

    private TemplateRules() {
    }

    public static void validate(TemplateContent content) {
        TypeLimits limits = TypeLimits.of(content.type());
        if (content.type() != TemplateType.MEDIA && content.body().isBlank()) {
            throw new UnprocessableException("body", "must not be blank");
        }
        checkShape(content, limits);
        checkLengths(content.type(), content.body(), content.buttonLabel(), content.options());
        checkVariables(content);
    }

    /**
     * Twilio's length limits on text as it is (raw template text on create, rendered text on preview).
     */
    public static void checkLengths(TemplateType type, String body, String buttonLabel, List<InteractiveOption> options) {
        TypeLimits limits = TypeLimits.of(type);
        maxLength("body", body, limits.body(), "a " + type.wire() + " body");
        maxLength("buttonLabel", buttonLabel, limits.buttonLabel(), "a list picker's button label");
        for (int i = 0; i < options.size(); i++) {
            InteractiveOption option = options.get(i);
            String at = "options[" + i + "].";
            maxLength(at + "id", option.id(), MAX_OPTION_ID, "an option id");
            maxLength(at + "title", option.title(), limits.optionTitle(),
                    type == TemplateType.QUICK_REPLY ? "a quick-reply button title" : "a list-picker item");
            maxLength(at + "description", option.description(), limits.optionDescription(), "a list-picker item description");
        }
    }

    private static void checkShape(TemplateContent content, TypeLimits limits) {
        int options = content.options().size();
        if (limits.optionTitle() == 0 && options > 0) {
            throw new UnprocessableException("options", "a " + content.type().wire() + " template has no options");
        }
        if (limits.optionTitle() > 0 && (options == 0 || options > MAX_OPTIONS)) {
            throw new UnprocessableException("options", "a " + content.type().wire() + " template needs 1 to "
                    + MAX_OPTIONS + " options (Twilio's limit), got " + options);
        }
        if (content.type() == TemplateType.QUICK_REPLY
                && content.options().stream().anyMatch(o -> o.description() != null)) {
            throw new UnprocessableException("options", "quick-reply buttons have no description");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options; i++) {
            if (!ids.add(content.options().get(i).id())) {
                throw new UnprocessableException("options[" + i + "].id", "option ids must be unique: "
                        + content.options().get(i).id() + " is used twice");
            }
        }
        boolean hasLabel = content.buttonLabel() != null && !content.buttonLabel().isBlank();
        if (content.type() == TemplateType.LIST_PICKER && !hasLabel) {
            throw new UnprocessableException("buttonLabel", "a list picker needs the label of the button that opens its menu");
        }
        if (content.type() != TemplateType.LIST_PICKER && content.buttonLabel() != null) {
            throw new UnprocessableException("buttonLabel", "only a list picker has a button label");
        }
        checkMedia(content);
    }

    private static void checkMedia(TemplateContent content) {
        List<String> media = content.mediaUrls();
        if (content.type() != TemplateType.MEDIA) {
            if (!media.isEmpty()) {
                throw new UnprocessableException("mediaUrls", "only a media template has media URLs");
            }
            return;
        }
        if (media.isEmpty() || media.size() > MAX_MEDIA) {
            throw new UnprocessableException("mediaUrls", "a media template needs 1 to " + MAX_MEDIA + " media URLs, got "
                    + media.size());
        }
        for (int i = 0; i < media.size(); i++) {
            if (media.get(i) == null || !MEDIA_URL.matcher(media.get(i)).matches()) {
                throw new UnprocessableException("mediaUrls[" + i + "]", "must be an http(s) URL Twilio can fetch");
            }
        }
    }

    /** Every placeholder is declared, and every declared variable is used (Twilio rejects unused ones too). */
    private static void checkVariables(TemplateContent content) {
        List<String> declared = content.variables();
        if (declared.size() > MAX_VARIABLES) {
            throw new UnprocessableException("variables", "at most " + MAX_VARIABLES + " variables (Twilio's limit)");
        }
        Set<String> unique = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            String name = declared.get(i);
            if (name == null || !Placeholders.NAME.matcher(name).matches()) {
                throw new UnprocessableException("variables[" + i + "]", "a variable name has 1 to 16 letters, digits or '_'");
            }
            if (!unique.add(name)) {
                throw new UnprocessableException("variables[" + i + "]", "variable '" + name + "' is declared twice");
            }
        }
        Set<String> used = new LinkedHashSet<>();
        usedIn("body", content.body(), unique, used);
        usedIn("buttonLabel", content.buttonLabel(), unique, used);
        for (int i = 0; i < content.options().size(); i++) {
            InteractiveOption option = content.options().get(i);
            usedIn("options[" + i + "].id", option.id(), unique, used);
            usedIn("options[" + i + "].title", option.title(), unique, used);
            usedIn("options[" + i + "].description", option.description(), unique, used);
        }
        for (int i = 0; i < content.mediaUrls().size(); i++) {
            usedIn("mediaUrls[" + i + "]", content.mediaUrls().get(i), unique, used);
        }
        for (String name : declared) {
            if (!used.contains(name)) {
                throw new UnprocessableException("variables", "variable '" + name
                        + "' is declared but no placeholder {{" + name + "}} uses it: remove it or use it");
            }
        }
    }

    private static void usedIn(String field, String text, Set<String> declared, Set<String> used) {
        for (String name : Placeholders.namesIn(text, field)) {
            if (!declared.contains(name)) {
                throw new UnprocessableException(field, "uses {{" + name + "}}, which is not declared in variables");
            }
            used.add(name);
        }
    }

    private static void maxLength(String field, String value, int max, String what) {
        if (value != null && max > 0 && value.length() > max) {
            throw new UnprocessableException(field, what + " has at most " + max + " characters (Twilio's limit), got "
                    + value.length());
        }
    }

    /**
     * Twilio's Content API limits per type (0 = the field does not exist for that type).
     * text: body 1600; media: body 1600 (a message body); quick-reply: body 1024, button title 20;
     * list-picker: body 1024, item 24, description 72, button label 20 (WhatsApp's menu button).
     */
    record TypeLimits(int body, int optionTitle, int optionDescription, int buttonLabel) {

        static TypeLimits of(TemplateType type) {
            return switch (type) {
                case TEXT, MEDIA -> new TypeLimits(1600, 0, 0, 0);
                case QUICK_REPLY -> new TypeLimits(1024, 20, 0, 0);
                case LIST_PICKER -> new TypeLimits(1024, 24, 72, 20);
            };
        }
    }
}
