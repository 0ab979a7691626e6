package com.crmfactory.messaging.deploytests;

import static com.crmfactory.messaging.deploytests.Repo.at;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.crmfactory.messaging.events.Topics;

/**
 * What a service declares in its own {@code src/main/resources/application.yml}: name, port, the topics it owns
 * (partitions, compaction) and consumes, and whether it has a database (Flyway migrations under {@code db/}).
 * The deployment files are checked against these, never against a second copy.
 */
record ServiceConfig(String module, String name, int port, Map<String, OwnedTopic> owned, List<String> consumed,
        boolean hasDatabase) {

    record OwnedTopic(int partitions, boolean compacted) {
    }

    int managementPort() {
        return port + 1000;
    }

    /** {@code conversation-service} → {@code CONVERSATION}, as ./omni and the gateway's SERVICES_*_URL name them. */
    String envKey() {
        String key = name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name;
        return key.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    static List<ServiceConfig> all() {
        try (Stream<Path> modules = Files.list(Repo.ROOT)) {
            return modules.filter(dir -> dir.getFileName().toString().endsWith("-service"))
                    .filter(dir -> Files.exists(dir.resolve("src/main/resources/application.yml")))
                    .sorted().map(ServiceConfig::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    static ServiceConfig read(Path module) {
        Map<String, Object> yml = Repo.yamlMap(module.resolve("src/main/resources/application.yml"));
        String name = at(yml, "spring", "application", "name");
        Integer port = at(yml, "server", "port");
        Map<String, Map<String, Object>> ownedYml = at(yml, "platform", "kafka", "owned");
        Map<String, OwnedTopic> owned = new TreeMap<>();
        if (ownedYml != null) {
            ownedYml.forEach((key, value) -> {
                String topic = key.replaceAll("^\\[|]$", "");
                Object partitions = value == null ? null : value.get("partitions");
                Object compacted = value == null ? null : value.get("compacted");
                owned.put(topic, new OwnedTopic(partitions == null ? 12 : ((Number) partitions).intValue(),
                        Boolean.TRUE.equals(compacted)));
            });
        }
        List<String> consumed = at(yml, "platform", "kafka", "consumed");
        boolean database = Files.isDirectory(module.resolve("src/main/resources/db"));
        return new ServiceConfig(module.getFileName().toString(), name, port, owned,
                consumed == null ? List.of() : List.copyOf(consumed), database);
    }

    /** Every platform topic with the settings its owner declares (common-events' Topics ∪ the services' owned). */
    static Map<String, OwnedTopic> platformTopics() {
        Map<String, OwnedTopic> topics = new LinkedHashMap<>();
        for (ServiceConfig service : all()) {
            service.owned().forEach((topic, settings) -> {
                OwnedTopic earlier = topics.putIfAbsent(topic, settings);
                if (earlier != null && !earlier.equals(settings)) {
                    throw new IllegalStateException("owners disagree on " + topic + ": " + earlier + " vs " + settings);
                }
            });
        }
        for (String topic : Topics.all()) {
            if (!topics.containsKey(topic)) {
                throw new IllegalStateException("no service owns " + topic + " (common-events Topics)");
            }
            if (topics.get(topic).compacted() != Topics.isCompacted(topic)) {
                throw new IllegalStateException("compaction of " + topic + " differs between its owner and Topics");
            }
        }
        return topics;
    }
}
