package com.crmfactory.messaging.automation.definition;

import java.util.Set;

import com.crmfactory.messaging.automation.event.TriggerType;

/**
 * When an automation runs.
 *
 * @param channels   channel_message_received: the trigger channels it listens to (empty = all)
 * @param includeMms sms_received: whether an MMS counts as an inbound SMS
 * @param statuses   order_status_changed: the order statuses it reacts to (empty = all), compared ignoring case
 */
public record Trigger(TriggerType type, Set<String> channels, boolean includeMms, Set<String> statuses) {

    public Trigger {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
