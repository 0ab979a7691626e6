package com.crmfactory.messaging.ingest.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * Signed inbound SMS webhooks shaped like Twilio's (the {@code sms-inbound.txt} fixture), each with its own
 * {@code MessageSid} and one of many customers, so events spread over the topic's partitions.
 */
final class SignedWebhooks {

    static final String BUSINESS_NUMBER = "+15555550100";
    private static final int CUSTOMERS = 1_000;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String url;
    private final String token;

    SignedWebhooks(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** The parameters of one webhook, as Twilio would post them. */
    static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        String sid = String.format("SM%032x", SEQUENCE.incrementAndGet() ^ 0x5eed0000_00000000L);
        params.put("MessageSid", sid);
        params.put("SmsMessageSid", sid);
        params.put("SmsSid", sid);
        params.put("From", String.format("+1555%07d", ThreadLocalRandom.current().nextInt(CUSTOMERS)));
        params.put("To", BUSINESS_NUMBER);
        params.put("Body", "Hi, is order " + ThreadLocalRandom.current().nextInt(100_000) + " on its way?");
        return params;
    }

    HttpRequest next() {
        Map<String, String> params = params();
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15)) // Twilio's own read timeout
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "TwilioProxy/1.1")
                .header("X-Twilio-Signature", TwilioFixtures.sign(token, url, params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioFixtures.encode(params)))
                .build();
    }
}
