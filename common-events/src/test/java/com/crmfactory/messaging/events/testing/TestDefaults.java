package com.crmfactory.messaging.events.testing;

import java.util.List;
import java.util.UUID;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TriggerChannel;

/** The values a builder uses for what a test leaves out: valid, and obviously test data. */
final class TestDefaults {

    static final String ORG = "org-1";
    static final String SESSION = "session-1";
    static final String CUSTOMER = "+14155550100";
    static final String BUSINESS = "+14155238886";

    private TestDefaults() {
    }

    /** What arrived, when the test does not say: media on SMS arrive as MMS, like Twilio reports them. */
    static TriggerChannel triggerOf(Channel channel, List<Media> media) {
        return switch (channel) {
            case SMS -> media == null || media.isEmpty() ? TriggerChannel.SMS : TriggerChannel.MMS;
            case MMS -> TriggerChannel.MMS;
            case WHATSAPP -> TriggerChannel.WHATSAPP;
            case VOICE -> TriggerChannel.VOICEMAIL;
            case EMAIL -> TriggerChannel.EMAIL;
        };
    }

    /** A fresh Twilio-like message SID ({@code SM…}, {@code MM…} with media). */
    static String providerMessageId(List<Media> media) {
        return (media == null || media.isEmpty() ? "SM" : "MM") + UUID.randomUUID().toString().replace("-", "");
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
