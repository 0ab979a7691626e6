package com.crmfactory.messaging.conversation.session;

import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Human-handoff routing: {@code CONVERSATION_ESCALATION_QUEUE_<INTENT>} names the queue of an intent
 * (intent upper-cased, every other character than a letter or digit turned into '_'), and
 * {@code CONVERSATION_ESCALATION_QUEUE_DEFAULT} the queue of every other intent. Without a default, the
 * agent's queue hint is used, else the queue {@code default}.
 */
@Component
public class EscalationQueues {

    static final String PREFIX = "CONVERSATION_ESCALATION_QUEUE_";
    static final String FALLBACK = "default";

    private final Environment environment;

    EscalationQueues(Environment environment) {
        this.environment = environment;
    }

    public String queueFor(String intent, String hint) {
        if (intent != null && !intent.isBlank()) {
            String queue = lookup(key(intent));
            if (queue != null) {
                return queue;
            }
        }
        String fallback = lookup("DEFAULT");
        if (fallback != null) {
            return fallback;
        }
        return hint != null && !hint.isBlank() ? hint.trim() : FALLBACK;
    }

    /** The environment variable suffix of an intent: {@code order-status} → {@code ORDER_STATUS}. */
    static String key(String intent) {
        return intent.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private String lookup(String key) {
        String value = environment.getProperty(PREFIX + key);
        if (value == null) {
            // the same setting as a property: conversation.escalation-queue.<intent>
            value = environment.getProperty("conversation.escalation-queue." + key.toLowerCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
