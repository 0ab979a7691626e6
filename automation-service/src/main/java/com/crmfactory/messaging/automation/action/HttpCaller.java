package com.crmfactory.messaging.automation.action;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.automation.config.AutomationProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs an http_request action's JSON: guarded ({@link UrlGuard}), signed with the org's key, one
 * timeout per attempt, retried a bounded number of times on network errors, 429 and 5xx (a 4xx is the
 * receiver's final word). The step's derived id goes along as {@code Idempotency-Key}, so a receiver
 * can drop a repeat after a retry whose answer was lost.
 */
@Component
class HttpCaller {

    record Outcome(int status, int attempts) {
    }

    private final AutomationProperties.Http properties;
    private final UrlGuard guard;
    private final SigningSecrets secrets;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient client;

    HttpCaller(AutomationProperties properties, SigningSecrets secrets, JsonMapper json, Clock clock) {
        this.properties = properties.http();
        this.guard = new UrlGuard(this.properties);
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(this.properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome post(StepContext step, String url, JsonNode body) {
        URI uri = guard.check(url);
        byte[] bytes = json.writeValueAsBytes(body);
        String secret = secrets.secretOf(step.orgId());
        String last = "no attempt";
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "omni-automation/1")
                    .header("X-Signature", SigningSecrets.sign(secret, timestamp, bytes))
                    .header("X-Signature-Timestamp", Long.toString(timestamp))
                    .header("X-Automation-Id", step.automationId().toString())
                    .header("X-Automation-Run-Id", step.runId().toString())
                    .header("Idempotency-Key", step.derivedId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Outcome(status, attempt);
                }
                last = "answered " + status;
                if (status < 500 && status != 429) {
                    throw new StepFailedException("http_request: " + uri.getHost() + " " + last);
                }
            } catch (IOException e) {
                last = "failed: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailedException("http_request: interrupted");
            }
            pause(attempt);
        }
        throw new StepFailedException("http_request: " + uri.getHost() + " " + last + " after "
                + properties.maxAttempts() + " attempts");
    }

    private void pause(int attempt) {
        if (attempt >= properties.maxAttempts()) {
            return;
        }
        try {
            Thread.sleep(properties.retryBackoff().multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException("http_request: interrupted");
        }
    }
}
