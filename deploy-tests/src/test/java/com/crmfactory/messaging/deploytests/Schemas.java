package com.crmfactory.messaging.deploytests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The vendored schemas under deploy/schemas: the Compose specification and the CRDs' openAPIV3Schema of
 * Strimzi, CloudNativePG and KEDA. CRD schemas are made strict the way the API server prunes: an object with
 * declared properties and no {@code x-kubernetes-preserve-unknown-fields} rejects unknown fields, so a
 * misspelt field fails here instead of vanishing silently on apply.
 */
final class Schemas {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry DRAFT7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> CRDS = loadCrds();

    private Schemas() {
    }

    static List<String> composeViolations(Map<String, Object> compose) {
        // its $id is relative ("compose_spec.json"): give it an absolute one; every $ref in it is a local fragment
        ObjectNode spec = (ObjectNode) JSON.readTree(Repo.read(Repo.path("deploy/schemas/compose-spec/compose-spec.json")));
        spec.put("$id", "https://compose-spec.io/schema/compose-spec.json");
        Schema schema = DRAFT7.getSchema(spec);
        return schema.validate(JSON.valueToTree(compose)).stream().map(Error::toString).toList();
    }

    /** apiVersion/kind pairs the vendored CRDs define. */
    static boolean hasCrd(String apiVersion, String kind) {
        return CRDS.containsKey(apiVersion + "/" + kind);
    }

    static List<String> crdViolations(Map<String, Object> object) {
        Schema schema = CRDS.get(object.get("apiVersion") + "/" + object.get("kind"));
        if (schema == null) {
            return List.of("no vendored CRD for " + object.get("apiVersion") + " " + object.get("kind"));
        }
        return schema.validate(JSON.valueToTree(object)).stream().map(Error::toString).toList();
    }

    private static Map<String, Schema> loadCrds() {
        Map<String, Schema> crds = new HashMap<>();
        try (Stream<Path> files = Files.walk(Repo.path("deploy/schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Map<String, Object> crd : Repo.yamlDocuments(file)) {
                    if (!"CustomResourceDefinition".equals(crd.get("kind"))) {
                        continue;
                    }
                    String group = Repo.at(crd, "spec", "group");
                    String kind = Repo.at(crd, "spec", "names", "kind");
                    List<Map<String, Object>> versions = Repo.at(crd, "spec", "versions");
                    for (Map<String, Object> version : versions) {
                        JsonNode schema = JSON.valueToTree(Repo.at(version, "schema", "openAPIV3Schema"));
                        ObjectNode strict = (ObjectNode) strict(schema.deepCopy());
                        crds.put(group + "/" + version.get("name") + "/" + kind, DRAFT7.getSchema(strict));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return crds;
    }

    /** additionalProperties: false on every object that lists its properties and does not preserve unknown fields. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            if (object.path("nullable").asBoolean(false) && object.has("type")) {
                JsonNode type = object.get("type");
                object.set("type", JSON.createArrayNode().add(type.asString()).add("null"));
            }
            for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext();) {
                strict(object.get(names.next()));
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Schemas::strict);
        }
        return node;
    }
}
