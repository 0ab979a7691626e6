package com.crmfactory.messaging.conversation.session;

import com.crmfactory.messaging.conversation.json.JsonColumn;
import com.crmfactory.messaging.events.common.OrderDraft;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The session's order context, stored as the event JSON of {@link OrderDraft}. */
@Converter
public class OrderDraftConverter implements AttributeConverter<OrderDraft, String> {

    @Override
    public String convertToDatabaseColumn(OrderDraft draft) {
        return JsonColumn.write(draft);
    }

    @Override
    public OrderDraft convertToEntityAttribute(String json) {
        return JsonColumn.read(json, OrderDraft.class);
    }
}
