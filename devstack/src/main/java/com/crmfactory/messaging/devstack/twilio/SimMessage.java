package com.crmfactory.messaging.devstack.twilio;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message the simulator holds (sent by the product, or sent by a simulated customer).
 *
 * @param content what the phone shows for a ContentSid send ({@link ContentRender}), else null
 */
record SimMessage(String sid, String accountSid, String from, String to, String body, List<String> mediaUrls,
        String contentSid, String contentVariables, Map<String, Object> content, String statusCallback, String direction,
        ZonedDateTime created, long receivedNanos, String[] status, Integer[] errorCode) {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    static SimMessage outbound(String sid, String accountSid, String from, String to, String body, List<String> media,
            String contentSid, String contentVariables, Map<String, Object> content, String statusCallback) {
        return new SimMessage(sid, accountSid, from, to, body, List.copyOf(media), contentSid, contentVariables,
                content, statusCallback, "outbound-api", ZonedDateTime.now(ZoneOffset.UTC), System.nanoTime(),
                new String[] {"queued"}, new Integer[] {null});
    }

    boolean whatsapp() {
        return to.startsWith("whatsapp:");
    }

    /** The Message resource as Twilio's 2010 API renders it (docs/twilio.md#pointing-the-sdk-elsewhere: dates RFC 2822, counts as strings). */
    Map<String, Object> json() {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", accountSid);
        m.put("api_version", "2010-04-01");
        m.put("body", body == null ? "" : body);
        m.put("date_created", RFC_2822.format(created));
        m.put("date_sent", "queued".equals(status[0]) ? null : RFC_2822.format(created));
        m.put("date_updated", RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC)));
        m.put("direction", direction);
        m.put("error_code", errorCode[0]);
        m.put("error_message", errorCode[0] == null ? null : "simulated error " + errorCode[0]);
        m.put("from", from);
        m.put("messaging_service_sid", null);
        m.put("num_media", String.valueOf(mediaUrls.size()));
        m.put("num_segments", "1");
        m.put("price", null);
        m.put("price_unit", "USD");
        m.put("sid", sid);
        m.put("status", status[0]);
        m.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        m.put("to", to);
        m.put("uri", uri + ".json");
        return m;
    }
}
