package com.crmfactory.messaging.automation.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.crmfactory.messaging.automation.config.AutomationProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's view of the automations: an org's enabled ones, parsed, cached per org (evicted when this
 * instance changes one, refreshed after {@code automation.cache-ttl} for changes made by other replicas),
 * and any version by number, parsed once. At 50 events/s matching costs a map lookup, not a query.
 */
@Component
public class AutomationCatalog {

    private record Entry(List<CompiledAutomation> automations, Instant loadedAt) {
    }

    private final AutomationRepository repository;
    private final DefinitionParser parser;
    private final JsonMapper json;
    private final AutomationProperties properties;
    private final Clock clock;
    private final Map<String, Entry> enabledByOrg = new ConcurrentHashMap<>();
    private final Map<String, CompiledAutomation> versions = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledAutomation> eldest) {
                    return size() > 2_000;
                }
            });

    AutomationCatalog(AutomationRepository repository, DefinitionParser parser, JsonMapper json,
            AutomationProperties properties, Clock clock) {
        this.repository = repository;
        this.parser = parser;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** The org's enabled automations at their current versions. */
    public List<CompiledAutomation> enabled(String orgId) {
        Instant now = clock.instant();
        Entry entry = enabledByOrg.get(orgId);
        if (entry == null || entry.loadedAt().plus(properties.cacheTtl()).isBefore(now)) {
            entry = new Entry(repository.enabled(orgId).stream().map(this::compile).toList(), now);
            enabledByOrg.put(orgId, entry);
        }
        return entry.automations();
    }

    /** One version of an automation (of this org), deleted ones included: runs resume with the version they began. */
    public Optional<CompiledAutomation> version(String orgId, UUID automationId, int version) {
        String key = automationId + ":" + version;
        CompiledAutomation cached = versions.get(key);
        if (cached != null) {
            return Optional.of(cached).filter(a -> a.orgId().equals(orgId));
        }
        return repository.version(automationId, version)
                .map(definition -> new CompiledAutomation(automationId, orgId, version, parser.parse(json.readTree(definition))))
                .map(compiled -> {
                    versions.put(key, compiled);
                    return compiled;
                });
    }

    /**
     * Forgets the org's enabled automations once the caller's transaction has committed (evicting before the
     * commit would let a concurrent event cache the old list again until the TTL).
     */
    public void evict(String orgId) {
        enabledByOrg.remove(orgId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enabledByOrg.remove(orgId);
                }
            });
        }
    }

    private CompiledAutomation compile(AutomationRow row) {
        String key = row.id() + ":" + row.version();
        return versions.computeIfAbsent(key, k -> new CompiledAutomation(row.id(), row.orgId(), row.version(),
                parser.parse(json.readTree(row.definition()))));
    }
}
