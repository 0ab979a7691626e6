package com.crmfactory.messaging.agent.dialogue;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.agent.context.CustomerMessage;
import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.events.Redacted;

/**
 * One turn's input: the customer messages not answered yet, joined; the payload of a tapped button or
 * list item; what was read from images (barcodes); and the recent history for a language model.
 * {@code deadline} is the turn's hard stop, started before the media analysis (null when the dialogue has none);
 * {@code earlier} summarises the messages before the recent history (null when there are none).
 */
public record TurnInput(SessionContext session, String text, String replyId, List<String> imageCodes,
        List<String> imageNotes, List<CustomerMessage> history, Instant deadline, String earlier) {

    public TurnInput(SessionContext session, String text, String replyId, List<String> imageCodes, List<String> imageNotes,
            List<CustomerMessage> history, Instant deadline) {
        this(session, text, replyId, imageCodes, imageNotes, history, deadline, null);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
