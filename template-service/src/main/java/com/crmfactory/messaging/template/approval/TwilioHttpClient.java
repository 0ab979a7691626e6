package com.crmfactory.messaging.template.approval;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client with our timeouts and without its retries, optionally redirected to a local
 * origin. Twilio's SDK has no base-URL setting (docs/twilio.md#pointing-the-sdk-elsewhere): with {@code origin} set, each request
 * is rebuilt on that origin keeping path and query, auth, headers and body, so the same code talks to
 * the real Twilio or to the devstack's simulator.
 *
 * <p>No retries: Apache's automatic retries are disabled and {@link #reliableRequest} makes one attempt
 * (the SDK would otherwise repeat a 5xx up to 3 times). The approval sync retries on its own schedule.
 */
class TwilioHttpClient extends NetworkHttpClient {

    private final String origin;

    TwilioHttpClient(String origin, Duration connectTimeout, Duration readTimeout) {
        super(HttpClientBuilder.create()
                .disableAutomaticRetries()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout)).build()));
        this.origin = origin;
    }

    @Override
    public Response makeRequest(Request request) {
        if (origin == null) {
            return super.makeRequest(request);
        }
        Request copy = new Request(request.getMethod(), origin + request.constructURL().getFile());
        copy.setAuth(request.getUsername(), request.getPassword());
        copy.setContentType(request.getContentType());
        if (request.getBody() != null) {
            copy.setBody(request.getBody());
        }
        request.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
        return super.makeRequest(copy);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }
}
