package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.util.List;

/**
 * What the agent read from one media item of a customer message, so people see it next to the message.
 *
 * @param messageId    the message (conversation-service's {@code MessageView.messageId}) the media belongs to
 * @param mediaUrl     the media as the message carried it
 * @param contentType  as fetched; null when the media was not fetched (refused host, too large, wrong type)
 * @param decodedCodes barcodes and QR codes decoded from the image, in reading order
 * @param description  a one-sentence description by a vision-capable model, or why the media was not read
 */
@EventPayload
public record MediaAnalysis(String messageId, String mediaUrl, String contentType, List<String> decodedCodes,
        String description) {

    public MediaAnalysis {
        Checks.notBlank(messageId, "messageId");
        Checks.notBlank(mediaUrl, "mediaUrl");
        decodedCodes = Checks.listOf(decodedCodes);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
