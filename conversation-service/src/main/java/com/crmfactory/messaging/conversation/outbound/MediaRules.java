package com.crmfactory.messaging.conversation.outbound;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * What can be checked of outgoing media URLs without fetching them (docs/twilio.md#outgoing-media): public https
 * URLs only (Twilio fetches them; a private or local host is never reachable and must not be probed through us), at
 * most 10 per message (MMS), one on WhatsApp (further attachments are dropped by WhatsApp), and a file extension, when
 * the URL has one, of a type the channel accepts. Sizes (MMS 5 MB in all; WhatsApp 16 MB, images 5 MB) and the
 * served Content-Type are checked by Twilio when it fetches the media: a refusal comes back as a failed delivery.
 */
final class MediaRules {

    static final int MAX_MMS = 10;
    static final int MAX_WHATSAPP = 1;
    static final int MAX_URL_LENGTH = 2048;

    private static final Set<String> WHATSAPP = Set.of("jpg", "jpeg", "png", "ogg", "opus", "amr", "3gp", "aac", "mp3",
            "mpeg", "m4a", "mp4", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "vcf");
    private static final Set<String> MMS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "heif",
            "mp3", "m4a", "mp4", "mpeg", "mpg", "mov", "webm", "3gp", "3g2", "ogg", "opus", "amr", "aac", "wav", "vcf",
            "csv", "rtf", "ics", "pdf", "pkpass", "doc", "docx", "xls", "xlsx", "ppt", "pptx");
    private static final Pattern EXTENSION = Pattern.compile(".*/[^/]*\\.([A-Za-z0-9]{1,8})$");

    private MediaRules() {
    }

    /** The checked media of a message on a conversation channel (a voice conversation is answered by SMS/MMS). */
    static List<Media> check(List<String> urls, Channel channel) {
        if (urls.isEmpty()) {
            return List.of();
        }
        int max = channel == Channel.WHATSAPP ? MAX_WHATSAPP : MAX_MMS;
        if (urls.size() > max) {
            throw new UnprocessableException("mediaUrls", channel == Channel.WHATSAPP
                    ? "WhatsApp carries one attachment per message: send the others in further replies."
                    : "At most " + MAX_MMS + " media URLs per message (Twilio's limit; 5 MB in all on MMS).");
        }
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            media.add(new Media(checked(urls.get(i), "mediaUrls[" + i + "]", channel), null));
        }
        return media;
    }

    private static String checked(String value, String field, Channel channel) {
        if (value == null || value.isBlank()) {
            throw new UnprocessableException(field, "A media URL must not be empty.");
        }
        String url = value.trim();
        if (url.length() > MAX_URL_LENGTH) {
            throw new UnprocessableException(field, "A media URL has at most " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UnprocessableException(field, "Not a valid URL.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UnprocessableException(field, "Media must be a public https URL (Twilio fetches it).");
        }
        if (uri.getUserInfo() != null) {
            throw new UnprocessableException(field, "Media URLs must not carry credentials.");
        }
        if (isPrivate(uri.getHost())) {
            throw new UnprocessableException(field, "Media must be on a public host, not a local or private address.");
        }
        String extension = extension(uri.getPath());
        if (extension != null && !(channel == Channel.WHATSAPP ? WHATSAPP : channel == Channel.EMAIL ? Set.of(extension) : MMS)
                .contains(extension)) {
            throw new UnprocessableException(field, "." + extension + " files cannot be sent on " + channel.wire()
                    + " (see Twilio's accepted media types).");
        }
        return url;
    }

    private static String extension(String path) {
        if (path == null) {
            return null;
        }
        var matcher = EXTENSION.matcher(path);
        return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Local names and literal addresses that are loopback, private, link-local or otherwise not public. */
    static boolean isPrivate(String rawHost) {
        String host = IDN.toASCII(rawHost.replaceAll("^\\[|]$", "")).toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || host.endsWith(".lan") || !host.contains(".") && !host.contains(":")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a name: resolving it here would probe DNS for the caller; Twilio resolves it
        }
        try {
            InetAddress address = InetAddress.getByName(host); // a literal: no lookup
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalOrShared(address);
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    private static boolean uniqueLocalOrShared(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10 (carrier-grade NAT)
    }
}
