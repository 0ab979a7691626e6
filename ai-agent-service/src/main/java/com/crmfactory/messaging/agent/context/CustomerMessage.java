package com.crmfactory.messaging.agent.context;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Author;

/** A customer message as the agent keeps it; {@code analysis} is what it read from attached images. */
public record CustomerMessage(String messageId, long sequence, String author, String body, String replyId,
        List<String> mediaUrls, String analysis, Instant createdAt) {

    public boolean fromCustomer() {
        return Author.CUSTOMER.name().equals(author);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
