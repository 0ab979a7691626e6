package com.crmfactory.messaging.ingest.email;

import java.util.List;
import java.util.Map;

/**
 * A SendGrid Inbound Parse post, read: its text fields ({@code from}, {@code to}, {@code subject}, {@code text},
 * {@code html}, {@code envelope}, {@code headers}, {@code attachment-info}, …) and its file parts, of which only
 * the metadata is kept. {@code rawBody} is what the signature covers.
 */
record ParsedEmailPost(Map<String, String> fields, List<FilePart> files, byte[] rawBody) {

    record FilePart(String field, String filename, String contentType, long size) {
    }

    String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
