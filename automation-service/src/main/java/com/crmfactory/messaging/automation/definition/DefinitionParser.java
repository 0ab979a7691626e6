package com.crmfactory.messaging.automation.definition;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.automation.config.AutomationProperties;
import com.crmfactory.messaging.automation.event.TriggerType;
import com.crmfactory.messaging.automation.variables.Placeholders;

import tools.jackson.databind.JsonNode;

/**
 * Reads an automation's JSON into a {@link Definition}, collecting every problem with the path of its
 * field ({@code actions[1].channel}) instead of stopping at the first, so a form can mark them all.
 */
@Component
public class DefinitionParser {

    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_ACTIONS = 20;
    static final Set<String> TRIGGER_CHANNELS = Set.of("sms", "mms", "whatsapp", "email", "voicemail");
    static final Set<String> NOTIFY_CHANNELS = Set.of("sms", "whatsapp", "email", "originating");
    static final Set<String> SESSION_STATUSES = Set.of("active", "waiting_reply", "needs_human", "completed", "expired");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);
    private static final Duration MAX_WAIT = Duration.ofDays(30);

    private final AutomationProperties properties;

    DefinitionParser(AutomationProperties properties) {
        this.properties = properties;
    }

    /** @throws InvalidDefinitionException naming every field at fault */
    public Definition parse(JsonNode json) {
        Errors errors = new Errors();
        if (json == null || !json.isObject()) {
            errors.add("", "an automation is a JSON object");
            throw errors.exception();
        }
        String name = text(json, "name", "name", errors, true);
        if (name != null && name.length() > 200) {
            errors.add("name", "must be at most 200 characters");
        }
        if (json.has("enabled") && !json.get("enabled").isBoolean()) {
            errors.add("enabled", "must be true or false");
        }
        Trigger trigger = trigger(json.path("trigger"), errors);
        List<Condition> conditions = conditions(json.path("conditions"), trigger, errors);
        List<Action> actions = actions(json.path("actions"), trigger, errors);
        errors.throwIfAny();
        return new Definition(name.trim(), trigger, conditions, actions);
    }

    private Trigger trigger(JsonNode node, Errors errors) {
        if (!node.isObject()) {
            errors.add("trigger", "is required: an object with a type");
            return null;
        }
        String typeName = text(node, "type", "trigger.type", errors, true);
        if (typeName == null) {
            return null;
        }
        TriggerType type = TriggerType.fromWire(typeName).orElse(null);
        if (type == null) {
            errors.add("trigger.type", "unknown trigger '" + typeName + "'; one of " + TriggerType.names());
            return null;
        }
        Set<String> channels = Set.of();
        if (type == TriggerType.CHANNEL_MESSAGE_RECEIVED) {
            channels = words(node, "channels", "trigger.channels", errors, false);
            int i = 0;
            for (String channel : channels) {
                if (!TRIGGER_CHANNELS.contains(channel)) {
                    errors.add("trigger.channels[" + i + "]", "unknown channel '" + channel + "'; one of "
                            + String.join(", ", new java.util.TreeSet<>(TRIGGER_CHANNELS)));
                }
                i++;
            }
        }
        boolean includeMms = true;
        if (type == TriggerType.SMS_RECEIVED && node.has("includeMms")) {
            if (!node.get("includeMms").isBoolean()) {
                errors.add("trigger.includeMms", "must be true or false");
            } else {
                includeMms = node.get("includeMms").booleanValue();
            }
        }
        Set<String> statuses = Set.of();
        if (type == TriggerType.ORDER_STATUS_CHANGED) {
            statuses = words(node, "statuses", "trigger.statuses", errors, false);
        }
        return new Trigger(type, channels, includeMms, statuses);
    }

    private List<Condition> conditions(JsonNode node, Trigger trigger, Errors errors) {
        List<Condition> conditions = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return conditions;
        }
        if (!node.isArray()) {
            errors.add("conditions", "must be a list");
            return conditions;
        }
        if (node.size() > MAX_CONDITIONS) {
            errors.add("conditions", "at most " + MAX_CONDITIONS + " conditions");
        }
        for (int i = 0; i < node.size(); i++) {
            Condition condition = condition(node.get(i), "conditions[" + i + "]", trigger, errors);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    private Condition condition(JsonNode node, String at, Trigger trigger, Errors errors) {
        if (!node.isObject()) {
            errors.add(at, "a condition is an object with a type");
            return null;
        }
        String type = text(node, "type", at + ".type", errors, true);
        if (type == null) {
            return null;
        }
        boolean bodyCondition = type.equals("body_contains") || type.equals("body_matches") || type.equals("keywords");
        if (bodyCondition && trigger != null && !trigger.type().isMessage()) {
            errors.add(at + ".type", type + " needs a message trigger (sms_received or channel_message_received)");
            return null;
        }
        return switch (type) {
            case "body_contains" -> {
                String value = text(node, "value", at + ".value", errors, true);
                yield value == null ? null : new Condition.BodyContains(value);
            }
            case "body_matches" -> bodyMatches(node, at, errors);
            case "keywords" -> {
                Set<String> values = words(node, "values", at + ".values", errors, true);
                yield values.isEmpty() ? null : new Condition.Keywords(List.copyOf(values));
            }
            case "contact_field" -> contactField(node, at, errors);
            case "session_intent" -> {
                Set<String> values = words(node, "values", at + ".values", errors, true);
                yield values.isEmpty() ? null : new Condition.SessionIntent(values);
            }
            case "session_status" -> {
                Set<String> values = words(node, "values", at + ".values", errors, true);
                int i = 0;
                for (String value : values) {
                    if (!SESSION_STATUSES.contains(value)) {
                        errors.add(at + ".values[" + i + "]", "unknown session status '" + value + "'; one of "
                                + String.join(", ", new java.util.TreeSet<>(SESSION_STATUSES)));
                    }
                    i++;
                }
                yield values.isEmpty() ? null : new Condition.SessionStatusIn(values);
            }
            case "business_hours" -> businessHours(node, at, errors);
            default -> {
                errors.add(at + ".type", "unknown condition '" + type + "'; one of body_contains, body_matches, keywords, "
                        + "contact_field, session_intent, session_status, business_hours");
                yield null;
            }
        };
    }

    private Condition bodyMatches(JsonNode node, String at, Errors errors) {
        String pattern = text(node, "pattern", at + ".pattern", errors, true);
        if (pattern == null) {
            return null;
        }
        if (pattern.length() > 500) {
            errors.add(at + ".pattern", "must be at most 500 characters");
            return null;
        }
        try {
            return new Condition.BodyMatches(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            errors.add(at + ".pattern", "not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private Condition contactField(JsonNode node, String at, Errors errors) {
        String field = text(node, "field", at + ".field", errors, true);
        if (field != null && !Set.of("name", "phone", "email").contains(field)) {
            errors.add(at + ".field", "unknown contact field '" + field + "'; one of name, phone, email");
        }
        String operator = node.has("operator") ? text(node, "operator", at + ".operator", errors, true) : "equals";
        if (operator != null && !Set.of("equals", "contains", "present").contains(operator)) {
            errors.add(at + ".operator", "unknown operator '" + operator + "'; one of equals, contains, present");
        }
        String value = text(node, "value", at + ".value", errors, !"present".equals(operator));
        return field == null || operator == null ? null : new Condition.ContactField(field, operator, value);
    }

    private Condition businessHours(JsonNode node, String at, Errors errors) {
        String zone = text(node, "timeZone", at + ".timeZone", errors, true);
        ZoneId timeZone = null;
        if (zone != null) {
            try {
                timeZone = ZoneId.of(zone);
            } catch (DateTimeException e) {
                errors.add(at + ".timeZone", "unknown time zone '" + zone + "'");
            }
        }
        Set<DayOfWeek> days = new LinkedHashSet<>();
        Set<String> dayNames = words(node, "days", at + ".days", errors, true);
        int i = 0;
        for (String day : dayNames) {
            DayOfWeek parsed = DAYS.get(day.toUpperCase(Locale.ROOT));
            if (parsed == null) {
                errors.add(at + ".days[" + i + "]", "unknown day '" + day + "'; one of MON, TUE, WED, THU, FRI, SAT, SUN");
            } else {
                days.add(parsed);
            }
            i++;
        }
        LocalTime from = time(node, "from", at, errors);
        LocalTime to = time(node, "to", at, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(at + ".to", "must be after from");
        }
        boolean inside = true;
        if (node.has("inside")) {
            if (!node.get("inside").isBoolean()) {
                errors.add(at + ".inside", "must be true or false");
            } else {
                inside = node.get("inside").booleanValue();
            }
        }
        return timeZone == null || days.isEmpty() || from == null || to == null ? null
                : new Condition.BusinessHours(timeZone, days, from, to, inside);
    }

    private static LocalTime time(JsonNode node, String field, String at, Errors errors) {
        String text = text(node, field, at + "." + field, errors, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(at + "." + field, "not a time of day (HH:mm): '" + text + "'");
            return null;
        }
    }

    private List<Action> actions(JsonNode node, Trigger trigger, Errors errors) {
        List<Action> actions = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            errors.add("actions", "at least one action is required");
            return actions;
        }
        if (node.size() > MAX_ACTIONS) {
            errors.add("actions", "at most " + MAX_ACTIONS + " actions");
        }
        for (int i = 0; i < node.size(); i++) {
            Action action = action(node.get(i), "actions[" + i + "]", trigger, errors);
            if (action != null) {
                actions.add(action);
            }
        }
        return actions;
    }

    private Action action(JsonNode node, String at, Trigger trigger, Errors errors) {
        if (!node.isObject()) {
            errors.add(at, "an action is an object with a type");
            return null;
        }
        String type = text(node, "type", at + ".type", errors, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "send_sms" -> sendSms(node, at, trigger, errors);
            case "channel_notify" -> channelNotify(node, at, trigger, errors);
            case "assign_queue" -> {
                String queue = text(node, "queue", at + ".queue", errors, true);
                if (queue != null && !QUEUE.matcher(queue).matches()) {
                    errors.add(at + ".queue", "a queue name is 1-64 letters, digits, '_', '.' or '-'");
                    yield null;
                }
                yield queue == null ? null : new Action.AssignQueue(queue);
            }
            case "add_note" -> {
                String text = text(node, "text", at + ".text", errors, true);
                if (text != null && text.length() > 2000) {
                    errors.add(at + ".text", "must be at most 2000 characters");
                }
                variablesProvided(text, at + ".text", trigger, errors);
                yield text == null ? null : new Action.AddNote(text);
            }
            case "http_request" -> httpRequest(node, at, trigger, errors);
            case "wait" -> waitFor(node, at, errors);
            default -> {
                errors.add(at + ".type", "unknown action '" + type + "'; one of send_sms, channel_notify, assign_queue, "
                        + "add_note, http_request, wait");
                yield null;
            }
        };
    }

    private Action sendSms(JsonNode node, String at, Trigger trigger, Errors errors) {
        String to = text(node, "to", at + ".to", errors, true);
        if (to != null) {
            if (Placeholders.isSinglePlaceholder(to)) {
                variablesProvided(to, at + ".to", trigger, errors);
            } else if (!E164.matcher(to).matches()) {
                errors.add(at + ".to", "must be an E.164 number (+14155550123) or a variable such as {{contact.phone}}");
            }
        }
        Content content = content(node, at, trigger, errors);
        return to == null || content == null ? null : new Action.SendSms(to.trim(), content.body(), content.templateKey());
    }

    private Action channelNotify(JsonNode node, String at, Trigger trigger, Errors errors) {
        String channel = text(node, "channel", at + ".channel", errors, true);
        if (channel != null && !NOTIFY_CHANNELS.contains(channel)) {
            errors.add(at + ".channel", "unknown channel '" + channel + "'; one of sms, whatsapp, email, originating");
            channel = null;
        }
        String subject = node.has("subject") ? text(node, "subject", at + ".subject", errors, false) : null;
        variablesProvided(subject, at + ".subject", trigger, errors);
        Content content = content(node, at, trigger, errors);
        return channel == null || content == null ? null
                : new Action.ChannelNotify(channel, content.body(), content.templateKey(), subject);
    }

    private record Content(String body, String templateKey) {
    }

    private Content content(JsonNode node, String at, Trigger trigger, Errors errors) {
        boolean hasBody = node.has("body") && !node.get("body").isNull();
        boolean hasTemplate = node.has("templateKey") && !node.get("templateKey").isNull();
        if (hasBody == hasTemplate) {
            errors.add(at + ".body", "give either body or templateKey");
            return null;
        }
        if (hasTemplate) {
            String key = text(node, "templateKey", at + ".templateKey", errors, true);
            return key == null ? null : new Content(null, key);
        }
        String body = text(node, "body", at + ".body", errors, true);
        if (body != null && body.length() > 1600) {
            errors.add(at + ".body", "must be at most 1600 characters");
        }
        variablesProvided(body, at + ".body", trigger, errors);
        return body == null ? null : new Content(body, null);
    }

    private Action httpRequest(JsonNode node, String at, Trigger trigger, Errors errors) {
        String url = text(node, "url", at + ".url", errors, true);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean insecureAllowed = properties.http().isInsecureHost(uri.getHost());
            if (uri.getHost() == null || uri.getRawUserInfo() != null) {
                errors.add(at + ".url", "must be an absolute https URL with a host and no credentials");
                return null;
            }
            if (!scheme.equals("https") && !(scheme.equals("http") && insecureAllowed)) {
                errors.add(at + ".url", "must be https");
                return null;
            }
        } catch (URISyntaxException e) {
            errors.add(at + ".url", "not a URL: " + e.getReason());
            return null;
        }
        JsonNode body = node.has("body") && !node.get("body").isNull() ? node.get("body") : null;
        if (body != null) {
            checkVariablesIn(body, at + ".body", trigger, errors);
        }
        return new Action.HttpRequest(url, body);
    }

    private void checkVariablesIn(JsonNode node, String at, Trigger trigger, Errors errors) {
        if (node.isString()) {
            variablesProvided(node.asString(), at, trigger, errors);
        } else if (node.isObject()) {
            node.properties().forEach(e -> checkVariablesIn(e.getValue(), at + "." + e.getKey(), trigger, errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkVariablesIn(node.get(i), at + "[" + i + "]", trigger, errors);
            }
        }
    }

    private static Action waitFor(JsonNode node, String at, Errors errors) {
        String text = text(node, "duration", at + ".duration", errors, true);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WAIT) > 0) {
                errors.add(at + ".duration", "must be more than zero and at most 30 days");
                return null;
            }
            return new Action.Wait(duration);
        } catch (DateTimeParseException e) {
            errors.add(at + ".duration", "not an ISO-8601 duration such as PT10M: '" + text + "'");
            return null;
        }
    }

    private static void variablesProvided(String text, String at, Trigger trigger, Errors errors) {
        if (trigger == null) {
            return;
        }
        for (String variable : Placeholders.namesIn(text)) {
            if (!trigger.type().provides(variable)) {
                errors.add(at, "variable {{" + variable + "}} is not provided by trigger " + trigger.type().wire()
                        + "; it provides " + String.join(", ", trigger.type().variables()));
            }
        }
    }

    private static String text(JsonNode node, String field, String at, Errors errors, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(at, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(at, "must be a string");
            return null;
        }
        if (value.asString().isBlank()) {
            if (required) {
                errors.add(at, "must not be blank");
            }
            return null;
        }
        return value.asString();
    }

    /** A list of non-blank strings (empty when absent and not required). */
    private static Set<String> words(JsonNode node, String field, String at, Errors errors, boolean required) {
        JsonNode value = node.get(field);
        Set<String> words = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(at, "is required: a non-empty list");
            }
            return words;
        }
        if (!value.isArray()) {
            errors.add(at, "must be a list");
            return words;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || item.asString().isBlank()) {
                errors.add(at + "[" + i + "]", "must be a non-blank string");
            } else {
                words.add(item.asString().trim());
            }
        }
        if (required && value.isEmpty()) {
            errors.add(at, "must not be empty");
        }
        return words;
    }

    private static final class Errors {

        private final List<InvalidDefinitionException.FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new InvalidDefinitionException.FieldError(field, message));
        }

        InvalidDefinitionException exception() {
            return new InvalidDefinitionException(list);
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw exception();
            }
        }
    }
}
