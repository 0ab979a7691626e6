package com.crmfactory.messaging.ingest.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Inbound e-mail settings ({@code platform.webhooks.email.*}).
 *
 * @param maxBodySize    larger posts are refused with 413 before they are read (SendGrid sends up to 20–30 MB:
 *                       a larger limit needs a larger heap, the post is held in memory while it is checked)
 * @param maxTextLength  the message text is cut after this many characters
 * @param maxAttachments attachments listed on the event (metadata only); the rest are counted in the log
 */
@ConfigurationProperties("platform.webhooks.email")
public record EmailProperties(@DefaultValue("10MB") DataSize maxBodySize, @DefaultValue("20000") int maxTextLength,
        @DefaultValue("20") int maxAttachments) {
}
