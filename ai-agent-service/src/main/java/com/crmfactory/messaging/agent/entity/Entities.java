package com.crmfactory.messaging.agent.entity;

import java.util.List;

import com.crmfactory.messaging.agent.erp.Erp;

/**
 * What a message names: an order number, a quantity, and the catalogue parts it matches (best first;
 * several when the message is ambiguous, e.g. "6204 bearings" matches the sealed and the shielded one).
 */
public record Entities(String orderNumber, Long quantity, List<Erp.Part> parts) {

    public boolean onePart() {
        return parts.size() == 1;
    }
}
