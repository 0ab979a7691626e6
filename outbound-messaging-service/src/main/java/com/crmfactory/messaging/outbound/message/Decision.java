package com.crmfactory.messaging.outbound.message;

import java.time.Duration;
import java.util.List;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.EmailThreading;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.outbound.twilio.SendPlan;

/** What the send policy decided for one request, before anything leaves the service. */
public sealed interface Decision {

    /** Not sent, never will be for this request id. */
    record Refuse(Channel channel, Failure failure) implements Decision {

        static Refuse because(Channel channel, String code, String reason) {
            return new Refuse(channel, Failure.permanent(code, reason));
        }
    }

    /**
     * Not decided yet: decide again after {@code after}. The request would be refused on this service's copy of
     * another service's state (no sender for the org, the WhatsApp window closed), but it is younger than
     * {@code platform.outbound.recheck-grace}, and that copy may lag behind it: the org's tenant record or the
     * customer's message it answers may not be recorded here yet (this service reads them in its own consumer group,
     * at its own pace, and an automation answering a message can be faster).
     */
    record Recheck(Duration after) implements Decision {
    }

    /**
     * Through Twilio from {@code sender}, paced by its sender type. {@code expectedBodies}: for a Content
     * send (no Body POSTed), the texts Twilio may show as the Message's {@code body} (the rendered template
     * body, the interactive body); empty when we cannot know it.
     */
    record ViaTwilio(Channel channel, String sender, SenderType senderType, SendPlan plan, List<String> expectedBodies)
            implements Decision {

        public ViaTwilio {
            expectedBodies = expectedBodies == null ? List.of() : List.copyOf(expectedBodies);
        }
    }

    /**
     * By e-mail (SMTP); {@code threading} (may be null) makes a reply thread in the customer's mail client;
     * {@code mediaUrls} (the request's media) go as links below the text.
     */
    record ViaEmail(String from, String to, String subject, String body, EmailThreading threading, List<String> mediaUrls)
            implements Decision {

        public ViaEmail {
            mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }
}
