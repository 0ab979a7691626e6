package com.crmfactory.messaging.conversation.tenant;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.events.common.Channel;

/**
 * Whether something may be said in a voice session: its replies go to the caller by SMS (see
 * {@code OutboundRequests.channelOf}), which needs a caller number that can take an SMS (E.164 — not
 * {@code anonymous}, {@code unknown}, {@code client:…} or a SIP address) and the org's consent
 * ({@code settings.voiceSmsReplies}, default on). Sessions on other channels are never refused here.
 */
@Component
public class VoiceReplies {

    /** The caller's number is withheld, a Twilio Client identity or anything else an SMS cannot go to. */
    public static final String CALLER_CANNOT_TAKE_SMS = "voice_caller_cannot_take_sms";
    /** The org turned SMS replies to voice sessions off. */
    public static final String SMS_REPLIES_OFF = "voice_sms_replies_off";
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private final TenantSettingsService settings;

    VoiceReplies(TenantSettingsService settings) {
        this.settings = settings;
    }

    /** Why nothing may be sent in this session, or empty when it may. */
    public Optional<String> refusal(Session session) {
        if (session.getChannel().conversationChannel() != Channel.VOICE) {
            return Optional.empty();
        }
        if (!canTakeSms(session.getCustomerAddress())) {
            return Optional.of(CALLER_CANNOT_TAKE_SMS);
        }
        if (!settings.voiceSmsReplies(session.getOrgId())) {
            return Optional.of(SMS_REPLIES_OFF);
        }
        return Optional.empty();
    }

    static boolean canTakeSms(String caller) {
        return caller != null && E164.matcher(caller.trim()).matches();
    }
}
