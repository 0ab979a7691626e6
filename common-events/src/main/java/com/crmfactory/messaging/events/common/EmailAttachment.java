package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;

/**
 * What an inbound e-mail carried as an attachment: metadata only. The platform has no file store at the
 * edge, so the bytes are not kept and never travel on Kafka; see webhook-ingest-service's README.
 *
 * @param filename    the attachment's file name as the sender wrote it
 * @param contentType MIME type the mail declared
 * @param size        bytes received
 * @param contentId   the inline part's {@code Content-ID}, when it is one
 */
@EventPayload
public record EmailAttachment(String filename, String contentType, Long size, String contentId) {

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
