package com.crmfactory.messaging.outbound.twilio;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client without any retry of its own (Apache's automatic retries disabled, one attempt
 * in {@link #reliableRequest}: docs/twilio.md#sending-and-retries: measured a 503 becoming six POSTs), optionally
 * redirected to a local origin (the SDK has no base-URL setting). It remembers the last response's
 * {@code Retry-After} per thread so a 429 can be retried when Twilio says.
 */
class TwilioHttpClient extends NetworkHttpClient {

    private static final ThreadLocal<String> RETRY_AFTER = new ThreadLocal<>();

    private final String origin;

    TwilioHttpClient(String origin, Duration connectTimeout, Duration readTimeout) {
        super(HttpClientBuilder.create()
                .disableAutomaticRetries()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(50).setMaxConnTotal(100)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout)).build()));
        this.origin = origin;
    }

    /** The {@code Retry-After} header of this thread's last response, or null. */
    static String lastRetryAfter() {
        return RETRY_AFTER.get();
    }

    @Override
    public Response makeRequest(Request request) {
        RETRY_AFTER.remove();
        Response response = super.makeRequest(origin == null ? request : redirected(request));
        Header[] headers = response.getHeaders();
        if (headers != null) {
            for (Header header : headers) {
                if ("Retry-After".equalsIgnoreCase(header.getName())) {
                    RETRY_AFTER.set(header.getValue());
                }
            }
        }
        return response;
    }

    private Request redirected(Request request) {
        Request copy = new Request(request.getMethod(), origin + request.constructURL().getFile());
        copy.setAuth(request.getUsername(), request.getPassword());
        copy.setContentType(request.getContentType());
        if (request.getBody() != null) {
            copy.setBody(request.getBody());
        }
        request.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
        return copy;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }
}
