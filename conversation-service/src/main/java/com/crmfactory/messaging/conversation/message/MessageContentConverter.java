package com.crmfactory.messaging.conversation.message;

import com.crmfactory.messaging.conversation.json.JsonColumn;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** {@link MessageContent} as a JSON text column; nothing stored when a message is text only. */
@Converter
public class MessageContentConverter implements AttributeConverter<MessageContent, String> {

    @Override
    public String convertToDatabaseColumn(MessageContent content) {
        return content == null || content.isEmpty() ? null : JsonColumn.write(content);
    }

    @Override
    public MessageContent convertToEntityAttribute(String json) {
        MessageContent content = JsonColumn.read(json, MessageContent.class);
        return content == null ? MessageContent.NONE : content;
    }
}
