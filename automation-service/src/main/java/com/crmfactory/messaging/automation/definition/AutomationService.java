package com.crmfactory.messaging.automation.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.automation.web.PageResponse;
import com.crmfactory.messaging.support.web.NotFoundException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating, changing and deleting automations. Saving a definition (create or PUT) writes a new version;
 * enabling and disabling do not (a run records the definition it followed, not the switch).
 */
@Service
public class AutomationService {

    /** Properties of a response that are not part of the definition (a client may PUT a GET back). */
    private static final List<String> NOT_DEFINITION = List.of("id", "version", "enabled", "createdAt", "updatedAt");

    private final AutomationRepository repository;
    private final DefinitionParser parser;
    private final AutomationCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    AutomationService(AutomationRepository repository, DefinitionParser parser, AutomationCatalog catalog,
            JsonMapper json, Clock clock) {
        this.repository = repository;
        this.parser = parser;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public JsonNode create(String orgId, JsonNode request) {
        Definition definition = parser.parse(request);
        Instant now = clock.instant();
        AutomationRow row = new AutomationRow(UUID.randomUUID(), orgId, definition.name(), enabledIn(request, false), 1,
                stored(request), now, now);
        repository.insert(row, definition.trigger().type().wire());
        catalog.evict(orgId);
        return response(row);
    }

    @Transactional
    public JsonNode replace(String orgId, String id, JsonNode request) {
        Definition definition = parser.parse(request);
        AutomationRow current = repository.lock(orgId, uuid(id)).orElseThrow(() -> notFound(id));
        AutomationRow next = new AutomationRow(current.id(), orgId, definition.name(),
                enabledIn(request, current.enabled()), current.version() + 1, stored(request), current.createdAt(),
                clock.instant());
        repository.newVersion(next, definition.trigger().type().wire());
        catalog.evict(orgId);
        return response(next);
    }

    @Transactional(readOnly = true)
    public JsonNode get(String orgId, String id) {
        return response(repository.find(orgId, uuid(id)).orElseThrow(() -> notFound(id)));
    }

    @Transactional(readOnly = true)
    public PageResponse<JsonNode> list(String orgId, int page, int size) {
        return PageResponse.of(repository.page(orgId, page, size).stream().map(this::response).toList(), page, size,
                repository.count(orgId));
    }

    @Transactional
    public JsonNode setEnabled(String orgId, String id, boolean enabled) {
        AutomationRow current = repository.lock(orgId, uuid(id)).orElseThrow(() -> notFound(id));
        repository.setEnabled(current.id(), enabled, clock.instant());
        catalog.evict(orgId);
        return response(repository.find(orgId, current.id()).orElseThrow());
    }

    @Transactional
    public void delete(String orgId, String id) {
        AutomationRow current = repository.lock(orgId, uuid(id)).orElseThrow(() -> notFound(id));
        repository.delete(current.id(), clock.instant());
        catalog.evict(orgId);
    }

    /** The current version of an automation of this org, parsed (for dry runs). */
    @Transactional(readOnly = true)
    public CompiledAutomation current(String orgId, String id) {
        AutomationRow row = repository.find(orgId, uuid(id)).orElseThrow(() -> notFound(id));
        return catalog.version(orgId, row.id(), row.version()).orElseThrow(() -> notFound(id));
    }

    /** Whether the automation exists in this org (not deleted). */
    @Transactional(readOnly = true)
    public boolean exists(String orgId, String id) {
        Optional<UUID> parsed = parse(id);
        return parsed.isPresent() && repository.find(orgId, parsed.get()).isPresent();
    }

    private String stored(JsonNode request) {
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        NOT_DEFINITION.forEach(copy::remove);
        if (!copy.has("conditions") || copy.get("conditions").isNull()) {
            copy.putArray("conditions");
        }
        return json.writeValueAsString(copy);
    }

    private JsonNode response(AutomationRow row) {
        ObjectNode out = json.createObjectNode();
        out.put("id", row.id().toString());
        ObjectNode definition = (ObjectNode) json.readTree(row.definition());
        out.setAll(definition);
        out.put("enabled", row.enabled());
        out.put("version", row.version());
        out.put("createdAt", row.createdAt().toString());
        out.put("updatedAt", row.updatedAt().toString());
        return out;
    }

    private static boolean enabledIn(JsonNode request, boolean otherwise) {
        JsonNode enabled = request.get("enabled");
        return enabled != null && enabled.isBoolean() ? enabled.booleanValue() : otherwise;
    }

    private static UUID uuid(String id) {
        return parse(id).orElseThrow(() -> notFound(id));
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Automation", id);
    }
}
