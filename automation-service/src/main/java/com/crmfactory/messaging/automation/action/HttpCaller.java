package com.crmfactory.messaging.automation.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.automation.config.AutomationProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs an http_request action's JSON: guarded ({@link UrlGuard}), signed with the org's key, one
 * timeout per attempt, retried a bounded number of times on network errors, 429 and 5xx (a 4xx is the
 * receiver's final word). The step's derived id goes along as {@code Idempotency-Key}, so a receiver
 * can drop a repeat after a retry whose answer was lost. The client resolves hosts through the guard, so it
 * connects only to addresses the guard checked, and it follows no redirect.
 */
@Component
class HttpCaller implements DisposableBean {

    record Outcome(int status, int attempts) {
    }

    private final AutomationProperties.Http properties;
    private final UrlGuard guard;
    private final SigningSecrets secrets;
    private final JsonMapper json;
    private final Clock clock;
    private final CloseableHttpClient client;

    @Autowired
    HttpCaller(AutomationProperties properties, SigningSecrets secrets, JsonMapper json, Clock clock) {
        this(properties.http(), new UrlGuard(properties.http()), secrets, json, clock);
    }

    HttpCaller(AutomationProperties.Http properties, UrlGuard guard, SigningSecrets secrets, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.guard = guard;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        Timeout timeout = Timeout.of(properties.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new SystemDefaultDnsResolver() {
                            @Override
                            public InetAddress[] resolve(String host) throws UnknownHostException {
                                return guard.resolve(host);
                            }
                        })
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().build();
    }

    Outcome post(StepContext step, String url, JsonNode body) {
        URI uri = guard.check(url);
        byte[] bytes = json.writeValueAsBytes(body);
        String secret = secrets.secretOf(step.orgId());
        String last = "no attempt";
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            long timestamp = clock.instant().getEpochSecond();
            HttpPost request = new HttpPost(uri);
            request.setHeader("User-Agent", "omni-automation/1");
            request.setHeader("X-Signature", SigningSecrets.sign(secret, timestamp, bytes));
            request.setHeader("X-Signature-Timestamp", Long.toString(timestamp));
            request.setHeader("X-Automation-Id", step.automationId().toString());
            request.setHeader("X-Automation-Run-Id", step.runId().toString());
            request.setHeader("Idempotency-Key", step.derivedId());
            request.setEntity(new ByteArrayEntity(bytes, ContentType.create("application/json")));
            try {
                int status = client.execute(request, response -> response.getCode());
                if (status >= 200 && status < 300) {
                    return new Outcome(status, attempt);
                }
                last = "answered " + status;
                if (status < 500 && status != 429) {
                    throw new StepFailedException("http_request: " + uri.getHost() + " " + last);
                }
            } catch (UrlGuard.NonPublicAddressException e) {
                throw new StepFailedException(e.getMessage()); // the DNS answer changed since the check: never retried
            } catch (IOException e) {
                last = "failed: " + e.getClass().getSimpleName();
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

    @Override
    public void destroy() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
