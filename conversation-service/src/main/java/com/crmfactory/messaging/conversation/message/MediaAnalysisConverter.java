package com.crmfactory.messaging.conversation.message;

import java.util.Arrays;
import java.util.List;

import com.crmfactory.messaging.conversation.json.JsonColumn;
import com.crmfactory.messaging.events.common.MediaAnalysis;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a message's media analyses as one JSON text column. */
@Converter
public class MediaAnalysisConverter implements AttributeConverter<List<MediaAnalysis>, String> {

    @Override
    public String convertToDatabaseColumn(List<MediaAnalysis> analyses) {
        return analyses == null || analyses.isEmpty() ? null : JsonColumn.write(analyses);
    }

    @Override
    public List<MediaAnalysis> convertToEntityAttribute(String json) {
        MediaAnalysis[] analyses = JsonColumn.read(json, MediaAnalysis[].class);
        return analyses == null ? List.of() : Arrays.asList(analyses);
    }
}
