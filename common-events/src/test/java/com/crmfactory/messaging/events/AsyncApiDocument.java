package com.crmfactory.messaging.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Read-only view of {@code asyncapi.yaml} for the contract test. */
final class AsyncApiDocument {

    private static final String BASE = EventType.ASYNCAPI_PATH.substring(0, EventType.ASYNCAPI_PATH.lastIndexOf('/') + 1);

    final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        return new AsyncApiDocument(YAMLMapper.shared().readTree(Contracts.text(EventType.ASYNCAPI_PATH)));
    }

    List<String> channelAddresses() {
        return root.path("channels").values().stream().map(c -> c.path("address").asString()).toList();
    }

    Optional<Map.Entry<String, JsonNode>> channel(String address) {
        return root.path("channels").properties().stream()
                .filter(e -> address.equals(e.getValue().path("address").asString())).findFirst();
    }

    /** The message of {@code type} on its topic's channel, with its {@code $ref} followed. */
    Optional<JsonNode> message(EventType type) {
        return channel(type.topic()).map(c -> internal(c.getValue().path("messages")
                .path(type.recordClass().getSimpleName())));
    }

    /** Classpath resource a message payload points at. */
    static String payloadResource(JsonNode message) {
        String ref = message.path("payload").path("schema").path("$ref").asString();
        return BASE + ref.replaceFirst("^\\./", "");
    }

    static String typeHeader(JsonNode message) {
        for (JsonNode part : message.path("headers").path("allOf").values()) {
            JsonNode type = part.path("properties").path("ce_type").path("const");
            if (type.isString()) {
                return type.asString();
            }
        }
        return null;
    }

    /** Send operations that reference the channel named {@code channelId}. */
    List<JsonNode> sendOperations(String channelId) {
        return root.path("operations").values().stream()
                .filter(op -> "send".equals(op.path("action").asString()))
                .filter(op -> ("#/channels/" + channelId).equals(op.path("channel").path("$ref").asString()))
                .toList();
    }

    /** Every {@code $ref} value in the document. */
    List<String> refs() {
        List<String> refs = new ArrayList<>();
        collect(root, refs);
        return refs;
    }

    /** Whether a ref resolves: a JSON pointer into this document or a file next to it. */
    boolean resolves(String ref) {
        if (ref.startsWith("#")) {
            return !root.at(ref.substring(1)).isMissingNode();
        }
        return Contracts.exists(BASE + ref.replaceFirst("^\\./", ""));
    }

    JsonNode internal(JsonNode maybeRef) {
        return maybeRef.has("$ref") ? root.at(maybeRef.get("$ref").asString().substring(1)) : maybeRef;
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if ("$ref".equals(e.getKey())) {
                    refs.add(e.getValue().asString());
                } else {
                    collect(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, refs));
        }
    }
}
