package com.crmfactory.messaging.ingest.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads an Inbound Parse post from the raw input stream (the servlet container's multipart parsing is off:
 * the signature covers the raw body), in this order: size (413), {@code multipart/form-data} (400), parts
 * (400). File parts are counted, never kept.
 */
@Component
class EmailPostReader {

    private final int maxBodySize;

    EmailPostReader(EmailProperties properties) {
        this.maxBodySize = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    ParsedEmailPost read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            throw WebhookRejectedException.tooLarge(maxBodySize);
        }
        String contentType = requireMultipart(request.getContentType());
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodySize + 1);
        }
        if (body.length > maxBodySize) {
            throw WebhookRejectedException.tooLarge(maxBodySize);
        }
        return parse(body, contentType);
    }

    static ParsedEmailPost parse(byte[] body, String contentType) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<ParsedEmailPost.FilePart> files = new ArrayList<>();
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String[] disposition = part.getHeader("Content-Disposition");
                if (disposition == null || disposition.length == 0) {
                    continue;
                }
                ContentDisposition parsed = new ContentDisposition(disposition[0]);
                String name = parsed.getParameter("name");
                String filename = parsed.getParameter("filename");
                if (name == null) {
                    continue;
                }
                if (filename != null) {
                    files.add(new ParsedEmailPost.FilePart(name, filename, part.getContentType(), size(part)));
                } else {
                    fields.putIfAbsent(name, new String(part.getInputStream().readAllBytes(), charsetOf(part)));
                }
            }
        } catch (MessagingException e) {
            throw WebhookRejectedException.badRequest("body", "The body is not valid multipart/form-data: " + e.getMessage());
        }
        return new ParsedEmailPost(fields, files, body);
    }

    private static long size(BodyPart part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static Charset charsetOf(BodyPart part) {
        try {
            String charset = part.getContentType() == null ? null : new ContentType(part.getContentType()).getParameter("charset");
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (MessagingException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String requireMultipart(String contentType) {
        try {
            if (contentType != null && MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
                return contentType;
            }
        } catch (InvalidMediaTypeException e) {
            // refused below
        }
        throw WebhookRejectedException.badRequest("Content-Type",
                "The body must be multipart/form-data, as SendGrid Inbound Parse sends it (got "
                        + (contentType == null ? "none" : contentType) + ").");
    }
}
