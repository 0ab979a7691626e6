package com.crmfactory.messaging.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared test plumbing: the Jackson 3 mapper, the schema validator and classpath resources. */
final class Contracts {

    /** A plain Jackson 3 mapper, as a consumer would have: ISO instants, no extra configuration. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private Contracts() {
    }

    /** Validation messages of {@code json} against the schema of {@code type}; empty when valid. */
    static List<String> violations(EventType type, JsonNode json) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + type.schemaPath()));
        return schema.validate(json).stream().map(Error::toString).toList();
    }

    static String text(String classpathResource) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(classpathResource)) {
            Objects.requireNonNull(in, () -> "missing resource " + classpathResource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String classpathResource) {
        return Contracts.class.getClassLoader().getResource(classpathResource) != null;
    }

    static JsonNode json(String classpathResource) {
        return JSON.readTree(text(classpathResource));
    }

    static String goldenPath(EventType type) {
        return "golden/" + type.eventName() + ".json";
    }

    /** Serialises and reads back, so numbers compare as a consumer would parse them. */
    static JsonNode wire(Object record) {
        return JSON.readTree(JSON.writeValueAsString(record));
    }
}
