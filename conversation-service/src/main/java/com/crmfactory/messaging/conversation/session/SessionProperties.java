package com.crmfactory.messaging.conversation.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.crmfactory.messaging.events.common.Channel;

/**
 * Session settings ({@code conversation.sessions.*}).
 *
 * @param windows                 how long a session stays open after the customer's last message, per channel
 * @param expiryEnabled           whether this instance runs the expiry scheduler
 * @param expiryInterval          pause between expiry scans
 * @param expiryBatchSize         sessions closed per transaction
 */
@ConfigurationProperties("conversation.sessions")
public record SessionProperties(@DefaultValue Windows windows,
        @DefaultValue("true") boolean expiryEnabled, @DefaultValue("30s") Duration expiryInterval,
        @DefaultValue("100") int expiryBatchSize) {

    public record Windows(@DefaultValue("24h") Duration whatsapp, @DefaultValue("4h") Duration sms,
            @DefaultValue("30m") Duration voice, @DefaultValue("7d") Duration email) {

        public Duration of(Channel channel) {
            return switch (channel.conversationChannel()) {
                case WHATSAPP -> whatsapp;
                case VOICE -> voice;
                case EMAIL -> email;
                default -> sms;
            };
        }
    }

    public Duration windowOf(Channel channel) {
        return windows.of(channel);
    }
}
