package com.crmfactory.messaging.automation.definition;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/** One step of an automation; steps run in order and a failing step fails the run. */
public sealed interface Action {

    /** The wire name of the action type, e.g. {@code send_sms}. */
    String type();

    /** An SMS to a number or a variable ({@code {{contact.phone}}}), with a body or the org's template. */
    record SendSms(String to, String body, String templateKey) implements Action {
        public String type() {
            return "send_sms";
        }
    }

    /**
     * A message on {@code sms}, {@code whatsapp}, {@code email} or {@code originating} (the channel of the
     * triggering message; for an order, the customer's last channel).
     */
    record ChannelNotify(String channel, String body, String templateKey, String subject) implements Action {
        public String type() {
            return "channel_notify";
        }
    }

    /** Hands the session to the people of {@code queue}, like a human handoff. */
    record AssignQueue(String queue) implements Action {
        public String type() {
            return "assign_queue";
        }
    }

    /** An internal note in the session's thread, never sent to the customer. */
    record AddNote(String text) implements Action {
        public String type() {
            return "add_note";
        }
    }

    /** POSTs JSON to an https URL, signed with the org's key; {@code body} null = the trigger's variables. */
    record HttpRequest(String url, JsonNode body) implements Action {
        public String type() {
            return "http_request";
        }
    }

    /** A durable pause: the next step is due after {@code duration}, even across restarts. */
    record Wait(Duration duration) implements Action {
        public String type() {
            return "wait";
        }
    }
}
