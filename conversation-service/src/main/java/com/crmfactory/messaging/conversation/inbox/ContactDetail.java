package com.crmfactory.messaging.conversation.inbox;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.optout.OptOutState;
import com.crmfactory.messaging.conversation.session.SessionSummary;
import com.crmfactory.messaging.events.Redacted;

/**
 * One contact with its latest conversations, newest first ({@code conversationsTotal} counts them all), and its
 * opt-out state per channel ({@code optOuts}: every channel outbound reported a change for; absent = never opted out).
 */
public record ContactDetail(
        String id,
        String name,
        String phone,
        String whatsappAddress,
        String email,
        String whatsappProfileName,
        Instant createdAt,
        Instant updatedAt,
        List<SessionSummary> conversations,
        long conversationsTotal,
        List<ChannelOptOut> optOuts) {

    /** Whether the customer is opted out of a channel, since when and why (outbound's {@code CustomerOptOutChanged}). */
    public record ChannelOptOut(String channel, String address, boolean optedOut, String source, Instant changedAt) {

        static ChannelOptOut of(OptOutState state) {
            return new ChannelOptOut(state.channel().wire(), state.address(), state.optedOut(), state.source(),
                    state.changedAt());
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    static ContactDetail of(Contact contact, List<SessionSummary> conversations, long total, List<OptOutState> optOuts) {
        return new ContactDetail(contact.getId().toString(), contact.getName(), contact.getPhone(),
                contact.getWhatsappAddress(), contact.getEmail(), contact.getWhatsappProfileName(),
                contact.getCreatedAt(), contact.getUpdatedAt(), conversations, total,
                optOuts.stream().map(ChannelOptOut::of).toList());
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
