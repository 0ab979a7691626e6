package com.crmfactory.messaging.ingest.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.InteractiveReplyType;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.OptOutType;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;

/**
 * Maps Twilio's inbound message parameters (SMS, MMS and WhatsApp share one webhook) onto
 * {@link MessageReceived}. Keys are read open-ended: unknown ones are ignored here (they were part of the
 * signature), and nothing branches on {@code MessageType} alone, which Twilio treats as an open string.
 */
final class InboundMessageParser {

    private static final Pattern MEDIA_URL = Pattern.compile("MediaUrl(\\d+)");

    private InboundMessageParser() {
    }

    static MessageReceived parse(TwilioWebhook webhook, String orgId, Instant receivedAt) {
        String from = webhook.required("From");
        Channel channel = channelOf(from);
        List<Media> media = media(webhook.params());
        return new MessageReceived(orgId, webhook.required("MessageSid"), channel,
                triggerChannel(channel, numMedia(webhook), media), from, webhook.required("To"),
                webhook.param("Body"), media, webhook.text("ProfileName"), webhook.text("WaId"),
                interactiveReply(webhook), location(webhook), optOutType(webhook.text("OptOutType")),
                webhook.text("OriginalRepliedMessageSid"), webhook.text("MessagingServiceSid"), receivedAt);
    }

    /** The sender's format decides: {@code whatsapp:+…} is WhatsApp, anything else arrived as SMS/MMS. */
    static Channel channelOf(String from) {
        return from.regionMatches(true, 0, "whatsapp:", 0, 9) ? Channel.WHATSAPP : Channel.SMS;
    }

    private static TriggerChannel triggerChannel(Channel channel, int numMedia, List<Media> media) {
        if (channel == Channel.WHATSAPP) {
            return TriggerChannel.WHATSAPP;
        }
        return numMedia > 0 || !media.isEmpty() ? TriggerChannel.MMS : TriggerChannel.SMS;
    }

    private static int numMedia(TwilioWebhook webhook) {
        String value = webhook.text("NumMedia");
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.badRequest("NumMedia", "NumMedia must be a number, got '" + value + "'.");
        }
    }

    /** {@code MediaUrl{N}} with {@code MediaContentType{N}}, zero-based, in index order, whatever NumMedia says. */
    private static List<Media> media(Map<String, String> params) {
        Map<Integer, Media> byIndex = new TreeMap<>();
        params.forEach((name, url) -> {
            Matcher matcher = MEDIA_URL.matcher(name);
            if (matcher.matches() && !url.isBlank()) {
                String index = matcher.group(1);
                String contentType = params.get("MediaContentType" + index);
                byIndex.put(Integer.valueOf(index), new Media(url, contentType == null || contentType.isBlank() ? null : contentType));
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    /**
     * A tapped list item ({@code ListId}/{@code ListTitle}, undocumented but what Twilio sends) or quick-reply
     * button ({@code ButtonPayload}/{@code ButtonText}); the title falls back to {@code ButtonText}, then
     * {@code Body}, which holds the tapped title too.
     */
    private static InteractiveReply interactiveReply(TwilioWebhook webhook) {
        String listId = webhook.text("ListId");
        String buttonPayload = webhook.text("ButtonPayload");
        if (listId == null && buttonPayload == null) {
            return null;
        }
        String title = firstNonNull(webhook.text("ListTitle"), webhook.text("ButtonText"), webhook.text("Body"));
        return listId != null
                ? new InteractiveReply(InteractiveReplyType.LIST, listId, title)
                : new InteractiveReply(InteractiveReplyType.BUTTON, buttonPayload, title);
    }

    private static Location location(TwilioWebhook webhook) {
        String latitude = webhook.text("Latitude");
        String longitude = webhook.text("Longitude");
        if (latitude == null && longitude == null) {
            return null;
        }
        double lat = coordinate("Latitude", latitude);
        double lon = coordinate("Longitude", longitude);
        if (lat < -90 || lat > 90) {
            throw WebhookRejectedException.badRequest("Latitude", "Latitude must be between -90 and 90.");
        }
        if (lon < -180 || lon > 180) {
            throw WebhookRejectedException.badRequest("Longitude", "Longitude must be between -180 and 180.");
        }
        return new Location(lat, lon, webhook.text("Address"), webhook.text("Label"));
    }

    private static double coordinate(String field, String value) {
        if (value == null) {
            throw WebhookRejectedException.badRequest(field, field + " is required with a shared location.");
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.badRequest(field, field + " must be a decimal number, got '" + value + "'.");
        }
    }

    /** STOP/START/HELP as Twilio spells them; a value this version does not know is left out, not refused. */
    private static OptOutType optOutType(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OptOutType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
