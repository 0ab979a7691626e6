package com.crmfactory.messaging.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.support.logging.LogMasking;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a servlet request into a verified {@link TwilioWebhook}, in this order: body size (413), form
 * content type and encoding (400), signature (403). The body is read once, here, from the raw input
 * stream: nothing earlier in the chain asks the container for parameters (which would consume the
 * body and could drop or merge what Twilio signed), and the query string is kept apart from the form,
 * as the signature covers it through the URL only.
 */
@Component
class TwilioWebhookReader {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookReader.class);

    private final SignatureVerifier signatures;
    private final WebhookProperties properties;
    private final int maxBodySize;

    TwilioWebhookReader(SignatureVerifier signatures, WebhookProperties properties) {
        this.signatures = signatures;
        this.properties = properties;
        this.maxBodySize = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    TwilioWebhook read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            throw WebhookRejectedException.tooLarge(maxBodySize);
        }
        requireForm(request.getContentType());
        Map<String, String> params = FormDecoder.decode(readBody(request), true, "body");
        String url = PublicUrl.of(request, properties.publicBaseUrl());
        if (!signatures.isValid(url, params, request.getHeader(SIGNATURE_HEADER))) {
            // the path only: callback URLs may carry the caller's number in their query
            log.warn("Rejected a webhook to {}: {} is {}", request.getRequestURI(), SIGNATURE_HEADER,
                    request.getHeader(SIGNATURE_HEADER) == null ? "missing" : "invalid");
            throw WebhookRejectedException.invalidSignature(SIGNATURE_HEADER
                    + " is missing or does not match the request (URL " + LogMasking.mask(url) + ").");
        }
        return new TwilioWebhook(url, params, FormDecoder.decode(request.getQueryString(), false, "query string"));
    }

    private String readBody(HttpServletRequest request) throws IOException {
        // chunked bodies carry no Content-Length: read one byte past the limit to know
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodySize + 1);
            if (body.length > maxBodySize) {
                throw WebhookRejectedException.tooLarge(maxBodySize);
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static void requireForm(String contentType) {
        boolean form;
        try {
            form = contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            form = false;
        }
        if (!form) {
            throw WebhookRejectedException.badRequest("Content-Type",
                    "The body must be application/x-www-form-urlencoded, as Twilio sends it (got "
                            + (contentType == null ? "none" : contentType) + ").");
        }
    }
}
