package com.crmfactory.messaging.agent.entity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.agent.erp.ErpProperties;
import com.crmfactory.messaging.agent.erp.ErpUnavailableException;


/**
 * The ERP catalogue per org, kept in memory for tolerant part matching and refreshed periodically. If
 * the ERP is down the last copy is kept; with no copy at all an {@link ErpUnavailableException} surfaces.
 */
public class CatalogueCache {

    private record Entry(PartMatcher matcher, Instant loadedAt) {
    }

    private final ErpClient erp;
    private final ErpProperties properties;
    private final Clock clock;
    private final Map<String, Entry> byOrg = new ConcurrentHashMap<>();

    public CatalogueCache(ErpClient erp, ErpProperties properties, Clock clock) {
        this.erp = erp;
        this.properties = properties;
        this.clock = clock;
    }

    public PartMatcher matcher(String orgId) {
        Entry entry = byOrg.get(orgId);
        if (entry == null || entry.loadedAt().plus(properties.catalogueRefresh()).isBefore(clock.instant())) {
            try {
                entry = new Entry(new PartMatcher(erp.catalogue(orgId)), clock.instant());
                byOrg.put(orgId, entry);
            } catch (ErpUnavailableException e) {
                if (entry == null) {
                    throw e;
                }
            }
        }
        return entry.matcher();
    }
}
