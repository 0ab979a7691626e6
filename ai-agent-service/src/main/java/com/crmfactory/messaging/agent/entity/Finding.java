package com.crmfactory.messaging.agent.entity;

import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.agent.erp.Erp;

/**
 * What the catalogue search found for a message: the good hits (close to the best one, best first), how many good
 * hits there are in all (more than the page when the ERP has more), the facets to narrow them by, and the quantity
 * the message asked for (decided against the hits: 6204 in "250 6204 bearings" is a part code, 250 the quantity).
 */
public record Finding(String query, Long quantity, String unit, List<Erp.SearchHit> good, long goodTotal,
        Map<String, Map<String, Long>> facets) {

    public static Finding none(String query, Long quantity, String unit) {
        return new Finding(query, quantity, unit, List.of(), 0, Map.of());
    }

    public boolean none() {
        return good.isEmpty();
    }

    public boolean one() {
        return goodTotal == 1;
    }

    /** Few enough to offer as one list (WhatsApp list pickers hold 10 items). */
    public boolean few() {
        return goodTotal >= 2 && goodTotal <= 10;
    }

    public boolean many() {
        return goodTotal > 10;
    }

    public List<Erp.Part> parts() {
        return good.stream().map(Erp.SearchHit::part).toList();
    }
}
