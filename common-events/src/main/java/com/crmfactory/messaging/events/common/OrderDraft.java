package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.math.BigDecimal;
import java.util.List;

/** The order the agent is building with the customer; {@code erpOrderNumber} is set once submitted. */
@EventPayload
public record OrderDraft(List<OrderLine> lines, String currency, BigDecimal total, String erpOrderNumber) {

    public OrderDraft {
        lines = Checks.listOf(lines);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
