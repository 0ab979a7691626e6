package com.crmfactory.messaging.automation.condition;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.automation.config.AutomationProperties;
import com.crmfactory.messaging.automation.definition.Condition;
import com.crmfactory.messaging.automation.definition.Trigger;
import com.crmfactory.messaging.automation.event.TriggerEvent;

import io.micrometer.core.instrument.MeterRegistry;

/** Whether an event fits an automation's trigger filters and passes all its conditions. */
@Component
public class ConditionEvaluator {

    /** One condition's verdict, for dry runs. */
    public record Verdict(String type, boolean passed) {
    }

    private final AutomationProperties properties;
    private final MeterRegistry meters;

    ConditionEvaluator(AutomationProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** The trigger's own filters: its type, channels, MMS, order statuses. */
    public boolean triggers(Trigger trigger, TriggerEvent event) {
        if (trigger.type() != event.type()) {
            return false;
        }
        String channel = event.channel();
        return switch (trigger.type()) {
            case SMS_RECEIVED -> "sms".equals(channel) || ("mms".equals(channel) && trigger.includeMms());
            case CHANNEL_MESSAGE_RECEIVED -> trigger.channels().isEmpty() || trigger.channels().contains(channel);
            case ORDER_STATUS_CHANGED -> trigger.statuses().isEmpty() || trigger.statuses().stream()
                    .anyMatch(s -> s.equalsIgnoreCase(String.valueOf(event.payload().get("status"))));
            default -> true;
        };
    }

    public boolean passes(List<Condition> conditions, TriggerEvent event) {
        for (Condition condition : conditions) {
            if (!passes(condition, event)) {
                return false;
            }
        }
        return true;
    }

    public List<Verdict> verdicts(List<Condition> conditions, TriggerEvent event) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Condition condition : conditions) {
            verdicts.add(new Verdict(typeOf(condition), passes(condition, event)));
        }
        return verdicts;
    }

    boolean passes(Condition condition, TriggerEvent event) {
        String body = event.body() == null ? "" : event.body();
        if (condition instanceof Condition.BodyContains c) {
            return body.toLowerCase(Locale.ROOT).contains(c.value().toLowerCase(Locale.ROOT));
        }
        if (condition instanceof Condition.BodyMatches c) {
            return matches(c.pattern(), body);
        }
        if (condition instanceof Condition.Keywords c) {
            return c.values().stream().anyMatch(word -> containsWord(body, word));
        }
        if (condition instanceof Condition.ContactField c) {
            return contactField(c, event);
        }
        if (condition instanceof Condition.SessionIntent c) {
            return event.sessionIntent() != null && c.values().stream().anyMatch(v -> v.equalsIgnoreCase(event.sessionIntent()));
        }
        if (condition instanceof Condition.SessionStatusIn c) {
            return event.sessionStatus() != null && c.values().contains(event.sessionStatus());
        }
        return businessHours((Condition.BusinessHours) condition, event);
    }

    private boolean matches(Pattern pattern, String body) {
        long deadline = System.nanoTime() + properties.regexTimeout().toNanos();
        try {
            return pattern.matcher(new TimeLimitedText(body, properties.regexMaxReads(), deadline)).find();
        } catch (TimeLimitedText.TimedOut e) {
            meters.counter("automation.condition.regex.timeouts").increment();
            return false;
        }
    }

    private static boolean containsWord(String body, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(body).find();
    }

    private static boolean contactField(Condition.ContactField c, TriggerEvent event) {
        String value = switch (c.field()) {
            case "name" -> event.contact().name();
            case "phone" -> event.contact().phone();
            default -> event.contact().email();
        };
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (c.operator()) {
            case "present" -> true;
            case "contains" -> value.toLowerCase(Locale.ROOT).contains(c.value().toLowerCase(Locale.ROOT));
            default -> value.equalsIgnoreCase(c.value());
        };
    }

    private static boolean businessHours(Condition.BusinessHours c, TriggerEvent event) {
        ZonedDateTime at = event.occurredAt().atZone(c.timeZone());
        boolean inside = c.days().contains(at.getDayOfWeek()) && !at.toLocalTime().isBefore(c.from())
                && at.toLocalTime().isBefore(c.to());
        return inside == c.inside();
    }

    private static String typeOf(Condition condition) {
        if (condition instanceof Condition.BodyContains) {
            return "body_contains";
        }
        if (condition instanceof Condition.BodyMatches) {
            return "body_matches";
        }
        if (condition instanceof Condition.Keywords) {
            return "keywords";
        }
        if (condition instanceof Condition.ContactField) {
            return "contact_field";
        }
        if (condition instanceof Condition.SessionIntent) {
            return "session_intent";
        }
        if (condition instanceof Condition.SessionStatusIn) {
            return "session_status";
        }
        return "business_hours";
    }
}
