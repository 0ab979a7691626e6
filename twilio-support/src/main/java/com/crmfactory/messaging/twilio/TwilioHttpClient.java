package com.crmfactory.messaging.twilio;

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
 * The SDK's HTTP client as the platform needs it:
 * <ul>
 * <li>no retries of its own: Apache's automatic retries are disabled and {@link #reliableRequest} makes one
 * attempt. With the SDK's defaults a 503 became six POSTs (docs/twilio.md#sending-and-retries); callers retry
 * only what is provably unsent;</li>
 * <li>pooled connections with connect and read timeouts (the SDK's custom-builder path would leave Apache's
 * small defaults);</li>
 * <li>optionally redirected to another origin, since the SDK has no base-URL setting: each request is
 * rebuilt on that origin keeping path, query, auth, headers and body;</li>
 * <li>the last response's {@code Retry-After} kept per thread, so a 429 is retried when Twilio says.</li>
 * </ul>
 */
public class TwilioHttpClient extends NetworkHttpClient {

    private static final ThreadLocal<String> RETRY_AFTER = new ThreadLocal<>();

    private final String origin;

    /**
     * @param origin where requests go instead of Twilio, or null for Twilio itself
     */
    public TwilioHttpClient(String origin, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        super(HttpClientBuilder.create()
                .disableAutomaticRetries()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout)).build()));
        this.origin = origin != null && origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** The {@code Retry-After} header of this thread's last response, or null. */
    public static String lastRetryAfter() {
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

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
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
}
