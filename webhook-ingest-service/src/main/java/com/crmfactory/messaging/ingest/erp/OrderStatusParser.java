package com.crmfactory.messaging.ingest.erp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERP's JSON body ({@code {orderNumber, status, previousStatus?, customer: {phone?, email?, name?}, …}}) as an
 * {@link OrderStatusChanged}; every other top-level field is kept in {@code attributes}. A body that does not
 * say which order, which status or how to reach the customer is refused with 400 naming the field.
 */
final class OrderStatusParser {

    /** The optional, signed id an ERP gives a change so that re-signed retries are still one event. */
    static final String EVENT_ID_FIELD = "eventId";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> KNOWN = Set.of("orderNumber", "status", "previousStatus", "customer", EVENT_ID_FIELD);
    private static final int MAX_TEXT = 200;

    private OrderStatusParser() {
    }

    static OrderStatusChanged parse(String orgId, byte[] rawBody, Instant occurredAt) {
        JsonNode body;
        try {
            body = JSON.readTree(rawBody);
        } catch (JacksonException e) {
            throw WebhookRejectedException.badRequest("body", "The body must be a JSON object.");
        }
        if (body == null || !body.isObject()) {
            throw WebhookRejectedException.badRequest("body", "The body must be a JSON object.");
        }
        String orderNumber = required(body, "orderNumber");
        String status = required(body, "status");
        String previousStatus = optional(body, "previousStatus");
        JsonNode customer = body.get("customer");
        if (customer == null || !customer.isObject()) {
            throw WebhookRejectedException.badRequest("customer", "customer must be an object with a phone or an email.");
        }
        String phone = optional(customer, "phone", "customer.phone");
        String email = optional(customer, "email", "customer.email");
        String name = optional(customer, "name", "customer.name");
        if (phone == null && email == null) {
            throw WebhookRejectedException.badRequest("customer.phone", "customer needs a phone (E.164) or an email.");
        }
        if (phone != null && !E164.matcher(phone).matches()) {
            throw WebhookRejectedException.badRequest("customer.phone", "customer.phone must be E.164, e.g. +14155550123.");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw WebhookRejectedException.badRequest("customer.email", "customer.email is not an e-mail address.");
        }
        return new OrderStatusChanged(orgId, orderNumber, status, previousStatus, phone, email, name,
                attributes(body), occurredAt);
    }

    /** The body's {@value #EVENT_ID_FIELD}, or null. */
    static String eventId(byte[] rawBody) {
        try {
            JsonNode id = JSON.readTree(rawBody).get(EVENT_ID_FIELD);
            return id != null && id.isString() && !id.asString().isBlank() ? id.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Map<String, Object> attributes(JsonNode body) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!KNOWN.contains(field.getKey()) && !field.getValue().isNull()) {
                attributes.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
            }
        }
        return attributes;
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field, field);
        if (value == null) {
            throw WebhookRejectedException.badRequest(field, field + " is required.");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        return optional(node, field, field);
    }

    private static String optional(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        // an ERP may number its orders: a JSON number is taken as its text
        if (!value.isString() && !value.isIntegralNumber()) {
            throw WebhookRejectedException.badRequest(path, path + " must be a string.");
        }
        String text = value.asString().strip();
        if (text.length() > MAX_TEXT) {
            throw WebhookRejectedException.badRequest(path, path + " is longer than " + MAX_TEXT + " characters.");
        }
        return text.isEmpty() ? null : text;
    }
}
