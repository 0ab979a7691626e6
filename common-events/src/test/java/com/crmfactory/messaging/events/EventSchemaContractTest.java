package com.crmfactory.messaging.events;

import static com.crmfactory.messaging.events.Contracts.JSON;
import static com.crmfactory.messaging.events.Contracts.violations;
import static com.crmfactory.messaging.events.Contracts.wire;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The build-time guard of the event contracts: records, JSON Schemas, golden samples, the AsyncAPI
 * document, the registry and the topic names must all agree, so a breaking change fails here.
 */
class EventSchemaContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleValidatesAgainstItsSchema(EventType type) {
        assertThat(violations(type, golden(type))).as(type.eventName()).isEmpty();
    }

    /** Renaming or removing a field, or changing its wire format, changes the round trip. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleRoundTripsThroughTheRecordUnchanged(EventType type) {
        JsonNode golden = golden(type);
        DomainEvent event = JSON.treeToValue(golden, type.recordClass());

        JsonNode reserialised = wire(event);
        assertThat(reserialised).as(type.eventName()).isEqualTo(golden);
        assertThat(violations(type, reserialised)).isEmpty();
        assertThat(EventType.of(event)).isEqualTo(type);
    }

    /** Every component set (nested ones too) still validates and survives the round trip. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void completeInstanceOfTheRecordValidates(EventType type) {
        DomainEvent complete = completeInstance(type);

        JsonNode json = wire(complete);
        assertThat(violations(type, json)).as(type.eventName()).isEmpty();
        assertThat(JSON.treeToValue(json, type.recordClass())).isEqualTo(complete);
        assertThat(json.path("occurredAt").isString() || json.path("receivedAt").isString()
                || json.path("reportedAt").isString()).as("ISO-8601 timestamp").isTrue();
    }

    /** Schema properties, required fields, JSON types and enums match the record, recursively. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecord(EventType type) {
        assertThat(RecordSchemaMatcher.mismatches(completeInstance(type), type.schemaPath())).isEmpty();
        assertThat(Contracts.json(type.schemaPath()).path("title").asString())
                .isEqualTo(type.recordClass().getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void consumersIgnoreUnknownFieldsEvenWithAStrictMapper(EventType type) {
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectNode future = (ObjectNode) golden(type);
        future.put("fieldAddedInAFutureMinorVersion", "ignored");

        assertThat(strict.treeToValue(future, type.recordClass()))
                .isEqualTo(JSON.treeToValue(golden(type), type.recordClass()));
    }

    @Test
    void asyncApiDocumentDescribesEveryTopicAndEvent() {
        AsyncApiDocument doc = AsyncApiDocument.load();
        assertThat(doc.root.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.channelAddresses()).containsExactlyInAnyOrderElementsOf(Topics.all());

        for (String topic : Topics.all()) {
            String channelId = doc.channel(topic).orElseThrow().getKey();
            assertThat(doc.sendOperations(channelId)).as("send operation for " + topic).isNotEmpty();
            JsonNode kafka = doc.channel(topic).orElseThrow().getValue().path("bindings").path("kafka");
            assertThat(kafka.path("topicConfiguration").path("cleanup.policy").values())
                    .extracting(JsonNode::asString).containsExactly(Topics.isCompacted(topic) ? "compact" : "delete");
        }
        for (EventType type : EventType.values()) {
            JsonNode message = doc.message(type).orElseThrow();
            assertThat(message.isMissingNode()).as(type + " on channel " + type.topic()).isFalse();
            assertThat(AsyncApiDocument.payloadResource(message)).isEqualTo(type.schemaPath());
            assertThat(AsyncApiDocument.typeHeader(message)).isEqualTo(type.type());
            assertThat(message.path("bindings").path("kafka").path("key").path("description").asString()).isNotBlank();
        }
        assertThat(doc.root.at("/components/schemas/CloudEventHeaders/properties").propertyNames())
                .contains(CloudEventHeaders.SPECVERSION, CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                        CloudEventHeaders.ORG_ID, CloudEventHeaders.TRACEPARENT);
    }

    @Test
    void everyAsyncApiReferenceResolves() {
        AsyncApiDocument doc = AsyncApiDocument.load();
        assertThat(doc.refs()).isNotEmpty().allSatisfy(ref -> assertThat(doc.resolves(ref)).as(ref).isTrue());
    }

    @Test
    void registryEntriesAreUniqueAndConsistent() {
        List<EventType> types = List.of(EventType.values());
        assertThat(types.stream().map(EventType::type)).doesNotHaveDuplicates();
        assertThat(types.stream().map(EventType::recordClass)).doesNotHaveDuplicates();
        assertThat(types.stream().map(EventType::schemaPath)).doesNotHaveDuplicates();
        for (EventType type : types) {
            assertThat(type.type()).matches("com\\.crmfactory\\.messaging\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v1");
            assertThat(type.recordClass().getPackageName()).isEqualTo("com.crmfactory.messaging.events." + type.domain());
            assertThat(type.recordClass().isRecord()).isTrue();
            assertThat(kebab(type.recordClass().getSimpleName())).isEqualTo(type.eventName());
            assertThat(Contracts.exists(type.schemaPath())).as(type.schemaPath()).isTrue();
            assertThat(Topics.all()).contains(type.topic());
            assertThat(EventType.classOf(type.type())).contains(type.recordClass());
            assertThat(EventType.typeOf(type.recordClass())).isEqualTo(type.type());
        }
    }

    @Test
    void unknownTypesAreIgnorableNotFatal() {
        assertThat(EventType.classOf("com.crmfactory.messaging.conversation.something-new.v1")).isEmpty();
        assertThat(EventType.classOf(null)).isEmpty();
        assertThat(EventType.fromClass(String.class)).isEmpty();
    }

    @Test
    void everyTopicConstantIsListedAndCarriesEvents() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(Topics.all());
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(constants);
        constants.forEach(topic -> assertThat(topic).matches("[a-z]+\\.[a-z.-]+\\.v[0-9]+"));
    }

    @Test
    void everyEventRecordIsRegistered() throws IOException, URISyntaxException {
        Path classes = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> events = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> cls = loadClass(name);
                if (cls.isRecord() && DomainEvent.class.isAssignableFrom(cls)) {
                    events.add(cls);
                }
            }
        }
        assertThat(events).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::recordClass).toList());
    }

    @Test
    void everyGoldenSampleAndSchemaFileBelongsToARegisteredType() throws IOException, URISyntaxException {
        Set<String> names = Arrays.stream(EventType.values()).map(EventType::eventName).collect(Collectors.toSet());
        assertThat(fileNames("golden", ".json")).containsExactlyInAnyOrderElementsOf(names);
        Set<String> schemaNames = new HashSet<>(names);
        schemaNames.add("common");
        assertThat(fileNames(EventType.SCHEMA_DIRECTORY, ".schema.json")).containsExactlyInAnyOrderElementsOf(schemaNames);
    }

    private static JsonNode golden(EventType type) {
        return Contracts.json(Contracts.goldenPath(type));
    }

    /** The golden sample with every optional component filled in as well. */
    private static DomainEvent completeInstance(EventType type) {
        return RecordSamples.fill(JSON.treeToValue(golden(type), type.recordClass()));
    }

    private static String kebab(String simpleName) {
        return simpleName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, EventSchemaContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fileNames(String classpathDirectory, String suffix) throws IOException, URISyntaxException {
        Path dir = Path.of(EventSchemaContractTest.class.getClassLoader().getResource(classpathDirectory).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(suffix))
                    .map(f -> f.substring(0, f.length() - suffix.length())).collect(Collectors.toSet());
        }
    }
}
