package com.crmfactory.messaging.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem the gateway answers itself (the services write their own). Kept as a plain map
 * so the JSON is exactly {@code type, title, status, detail, instance} plus extension members,
 * whatever Jackson mix-ins are registered.
 *
 * @param headers extra response headers, e.g. {@code Retry-After} or {@code WWW-Authenticate}
 */
public record Problem(HttpStatusCode status, String title, String detail, Map<String, Object> extensions,
        HttpHeaders headers) {

    public static Problem of(HttpStatusCode status, String title, String detail) {
        return new Problem(status, title, detail, Map.of(), new HttpHeaders());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(status, title, detail, more, headers);
    }

    public Problem withHeader(String name, String value) {
        HttpHeaders more = new HttpHeaders();
        more.addAll(headers);
        more.set(name, value);
        return new Problem(status, title, detail, extensions, more);
    }

    /** The JSON body; {@code instance} is the request path. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }
}
