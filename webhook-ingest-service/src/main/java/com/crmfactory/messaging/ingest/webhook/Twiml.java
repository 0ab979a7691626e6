package com.crmfactory.messaging.ingest.webhook;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an inbound message webhook: empty TwiML with {@code text/xml}. Twilio parses the answer
 * as TwiML (an empty 200 or another content type shows up as errors 11200/12300 in its debugger); replies
 * go out through the REST API instead, in one code path with the rest of outbound.
 */
public final class Twiml {

    public static final String EMPTY_RESPONSE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    public static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private Twiml() {
    }

    public static ResponseEntity<String> emptyResponse() {
        return ResponseEntity.ok().contentType(TEXT_XML).body(EMPTY_RESPONSE);
    }

    /** A TwiML document (built with the SDK's builders) as Twilio wants it: 200, {@code text/xml}. */
    public static ResponseEntity<String> of(String xml) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(xml);
    }
}
