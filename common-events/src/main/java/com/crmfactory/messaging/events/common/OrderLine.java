package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.math.BigDecimal;

/** One line of an order draft; prices are ERP prices, never invented. */
@EventPayload
public record OrderLine(String sku, String description, long quantity, BigDecimal unitPrice) {

    public OrderLine {
        Checks.notBlank(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
