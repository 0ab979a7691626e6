package com.crmfactory.messaging.ingest.email;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.EmailAttachment;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps an Inbound Parse post onto {@link MessageReceived} (channel and trigger channel {@code email}). */
final class InboundEmailParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InboundEmailParser() {
    }

    /** Who it was sent to: the envelope's recipients first (where SendGrid delivered it), then To and Cc. */
    static List<String> recipients(ParsedEmailPost post) {
        Set<String> recipients = new LinkedHashSet<>();
        JsonNode envelope = envelope(post);
        if (envelope != null && envelope.path("to").isArray()) {
            envelope.path("to").forEach(node -> recipients.add(node.asString()));
        }
        recipients.addAll(addresses(post.field("to")));
        recipients.addAll(addresses(post.field("cc")));
        recipients.removeIf(String::isBlank);
        return new ArrayList<>(recipients);
    }

    static MessageReceived parse(ParsedEmailPost post, String orgId, String orgAddress, EmailProperties limits,
            Instant receivedAt) {
        InternetAddress sender = sender(post);
        InternetHeaders headers = headers(post.field("headers"));
        String messageId = header(headers, "Message-ID");
        String text = EmailText.of(post.field("text"), post.field("html"));
        if (text.length() > limits.maxTextLength()) {
            text = text.substring(0, limits.maxTextLength());
        }
        String subject = post.field("subject");
        return new MessageReceived(orgId, providerMessageId(messageId, post, sender.getAddress()), Channel.EMAIL,
                TriggerChannel.EMAIL, sender.getAddress(), orgAddress, text, List.of(), blankToNull(sender.getPersonal()),
                null, null, null, null, null, null, receivedAt, subject, messageId, references(headers),
                attachments(post, limits.maxAttachments()));
    }

    /**
     * The natural key of an e-mail: derived from its {@code Message-ID}, so a post SendGrid retries is the same
     * message; without one, from what the mail says (sender, subject, date, text), which a retry repeats too.
     */
    static String providerMessageId(String messageId, ParsedEmailPost post, String sender) {
        String basis = messageId != null ? "message-id:" + messageId
                : String.join("\n", "content:", sender, String.valueOf(post.field("subject")),
                        String.valueOf(header(headers(post.field("headers")), "Date")), String.valueOf(post.field("text")),
                        String.valueOf(post.field("html")));
        return "email:" + EmailAuthenticator.sha256Hex(basis).substring(0, 40);
    }

    private static InternetAddress sender(ParsedEmailPost post) {
        List<InternetAddress> from = parsed(post.field("from"));
        if (!from.isEmpty()) {
            return from.get(0);
        }
        JsonNode envelope = envelope(post);
        List<InternetAddress> envelopeFrom = envelope == null ? List.of() : parsed(envelope.path("from").asString(""));
        if (!envelopeFrom.isEmpty()) {
            return envelopeFrom.get(0);
        }
        throw WebhookRejectedException.badRequest("from", "Field from is required.");
    }

    private static List<String> references(InternetHeaders headers) {
        String references = header(headers, "References");
        if (references == null) {
            references = header(headers, "In-Reply-To");
        }
        return references == null ? List.of()
                : Arrays.stream(references.trim().split("\\s+")).filter(id -> !id.isBlank()).toList();
    }

    private static List<EmailAttachment> attachments(ParsedEmailPost post, int max) {
        JsonNode info = json(post.field("attachment-info"), "attachment-info");
        return post.files().stream().limit(max).map(file -> {
            JsonNode meta = info == null ? null : info.get(file.field());
            String filename = meta != null && meta.hasNonNull("filename") ? meta.get("filename").asString() : file.filename();
            String type = meta != null && meta.hasNonNull("type") ? meta.get("type").asString() : baseType(file.contentType());
            String contentId = meta != null && meta.hasNonNull("content-id") ? meta.get("content-id").asString() : null;
            return new EmailAttachment(filename, type, file.size(), contentId);
        }).toList();
    }

    private static String baseType(String contentType) {
        return contentType == null ? null : contentType.split(";", 2)[0].trim();
    }

    private static List<String> addresses(String header) {
        return parsed(header).stream().map(InternetAddress::getAddress).toList();
    }

    private static List<InternetAddress> parsed(String header) {
        if (header == null) {
            return List.of();
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(header, false))
                    .filter(address -> address.getAddress() != null && address.getAddress().contains("@")).toList();
        } catch (AddressException e) {
            return List.of();
        }
    }

    private static JsonNode envelope(ParsedEmailPost post) {
        return json(post.field("envelope"), "envelope");
    }

    private static JsonNode json(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (JacksonException e) {
            throw WebhookRejectedException.badRequest(field, "Field " + field + " is not valid JSON.");
        }
    }

    private static InternetHeaders headers(String raw) {
        if (raw == null) {
            return new InternetHeaders();
        }
        try {
            return new InternetHeaders(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), true);
        } catch (MessagingException e) {
            return new InternetHeaders();
        }
    }

    private static String header(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
