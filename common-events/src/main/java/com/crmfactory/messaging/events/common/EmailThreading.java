package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.util.List;

/**
 * How an e-mail reply threads in the customer's mail client (RFC 5322 {@code In-Reply-To} and {@code References}):
 * the {@code Message-ID} of the customer's message it answers and the chain of ids before it, oldest first.
 */
@EventPayload
public record EmailThreading(String inReplyTo, List<String> references) {

    public EmailThreading {
        references = Checks.listOf(references);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
