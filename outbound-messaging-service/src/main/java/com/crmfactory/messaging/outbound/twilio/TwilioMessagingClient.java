package com.crmfactory.messaging.outbound.twilio;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.hc.client5.http.ConnectTimeoutException;

import com.crmfactory.messaging.twilio.TwilioHttpClient;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Twilio's Messages and Content APIs through the official SDK, behind a bulkhead and a circuit breaker.
 * Every call is made exactly once; the caller decides about retries from the {@link SendOutcome}.
 */
public class TwilioMessagingClient {

    private final TwilioRestClient client;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Clock clock;

    public TwilioMessagingClient(TwilioRestClient client, CircuitBreaker breaker, Bulkhead bulkhead, Clock clock) {
        this.client = client;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.clock = clock;
    }

    public SendOutcome send(SendPlan plan) {
        return guarded(() -> create(plan));
    }

    private SendOutcome create(SendPlan plan) {
        MessageCreator creator = plan.mediaUrls().isEmpty() || plan.body() != null
                ? Message.creator(new PhoneNumber(plan.to()), new PhoneNumber(plan.from()), plan.body())
                : Message.creator(new PhoneNumber(plan.to()), new PhoneNumber(plan.from()), uris(plan.mediaUrls()));
        if (!plan.mediaUrls().isEmpty()) {
            creator.setMediaUrl(uris(plan.mediaUrls()));
        }
        if (plan.contentSid() != null) {
            creator.setContentSid(plan.contentSid());
            if (plan.contentVariables() != null) {
                creator.setContentVariables(plan.contentVariables());
            }
        }
        if (plan.statusCallback() != null) {
            creator.setStatusCallback(URI.create(plan.statusCallback()));
        }
        try {
            Message message = creator.create(client);
            return new SendOutcome.Accepted(message.getSid(),
                    message.getStatus() == null ? "queued" : message.getStatus().toString());
        } catch (ApiException e) {
            return classify(e);
        }
    }

    /** Messages Twilio holds to this recipient from this sender, newest first (first page). */
    public List<TwilioMessage> recentTo(String to, String from) {
        List<TwilioMessage> found = new ArrayList<>();
        SendOutcome outcome = guarded(() -> {
            try {
                for (Message m : Message.reader().setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(from))
                        .setPageSize(50L).firstPage(client).getRecords()) {
                    found.add(new TwilioMessage(m.getSid(), m.getTo(), m.getFrom() == null ? null : m.getFrom().toString(),
                            m.getBody(), m.getStatus() == null ? null : m.getStatus().toString(),
                            m.getDateCreated() == null ? null : m.getDateCreated().toInstant()));
                }
                return new SendOutcome.Accepted("list", "ok");
            } catch (ApiException e) {
                return classify(e);
            }
        });
        if (!(outcome instanceof SendOutcome.Accepted)) {
            throw new TwilioUnavailableException("listing messages failed: " + outcome);
        }
        return found;
    }

    /**
     * Fetches one message (its current delivery status) through the same bulkhead and circuit breaker as the
     * sends; never throws for Twilio's answers.
     */
    public MessageLookup fetch(String sid) {
        Message[] fetched = new Message[1];
        SendOutcome outcome = guarded(() -> {
            try {
                fetched[0] = Message.fetcher(sid).fetch(client);
                return new SendOutcome.Accepted(sid, "fetched");
            } catch (ApiException e) {
                if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                    return new SendOutcome.Rejected("20404", "not found");
                }
                return classify(e);
            }
        });
        if (outcome instanceof SendOutcome.Accepted && fetched[0] != null) {
            Message m = fetched[0];
            return new MessageLookup.Found(sid, m.getStatus() == null ? null : m.getStatus().toString(),
                    m.getErrorCode() == null ? null : String.valueOf(m.getErrorCode()), m.getErrorMessage(), m.getTo(),
                    m.getFrom() == null ? null : m.getFrom().toString());
        }
        if (outcome instanceof SendOutcome.Rejected r && r.code().equals("20404")) {
            return new MessageLookup.NotFound();
        }
        return new MessageLookup.Unavailable(outcome instanceof SendOutcome.Rejected r ? "refused " + r.code()
                : outcome.toString());
    }

    /** Creates a Content resource (JSON body, as the SDK's own Content creator sends it); returns its HX sid. */
    public String createContent(String json) {
        Request request = new Request(HttpMethod.POST, Domains.CONTENT.toString(), "/v1/Content");
        request.setContentType(com.twilio.constant.EnumConstants.ContentType.JSON);
        request.setBody(json);
        Response response = client.request(request);
        if (response.getStatusCode() >= 300) {
            throw new TwilioUnavailableException("Content API answered " + response.getStatusCode());
        }
        String content = response.getContent();
        int at = content.indexOf("\"sid\"");
        int start = content.indexOf('"', content.indexOf(':', at) + 1) + 1;
        return content.substring(start, content.indexOf('"', start));
    }

    private SendOutcome guarded(Supplier<SendOutcome> call) {
        if (!bulkhead.tryAcquirePermission()) {
            return new SendOutcome.Unsent("bulkhead full", Duration.ofMillis(200));
        }
        try {
            if (!breaker.tryAcquirePermission()) {
                return new SendOutcome.Unsent("circuit open", Duration.ofSeconds(1));
            }
            long start = System.nanoTime();
            SendOutcome outcome;
            try {
                outcome = call.get();
            } catch (ApiConnectionException e) {
                outcome = classify(e);
            } catch (RuntimeException e) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                throw e;
            }
            long took = System.nanoTime() - start;
            if (outcome instanceof SendOutcome.Ambiguous || outcome instanceof SendOutcome.Unsent u && !u.reason().startsWith("429")) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new TwilioUnavailableException(outcome.toString()));
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
            return outcome;
        } finally {
            bulkhead.onComplete();
        }
    }

    SendOutcome classify(ApiException e) {
        Integer status = e.getStatusCode();
        Integer code = e.getCode();
        if ((status != null && status == 429) || (code != null && code == 20429)) {
            return new SendOutcome.Unsent("429 " + code, retryAfter(TwilioHttpClient.lastRetryAfter(), clock.instant()));
        }
        if (status != null && status >= 400 && status < 500 && code != null) {
            return new SendOutcome.Rejected(String.valueOf(code), e.getMessage());
        }
        return new SendOutcome.Ambiguous("HTTP " + status + " " + e.getMessage());
    }

    static SendOutcome classify(ApiConnectionException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
                return new SendOutcome.Unsent("connection refused", Duration.ofMillis(500));
            }
            if (cause instanceof InterruptedIOException) {
                return new SendOutcome.Ambiguous("timeout");
            }
        }
        return new SendOutcome.Ambiguous("connection broken: " + e.getMessage());
    }

    /** How long a {@code Retry-After} header asks to wait: seconds, or an HTTP date ({@code now} is when it was read). */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = java.time.ZonedDateTime.parse(header.strip(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    private static List<URI> uris(List<String> urls) {
        return urls.stream().map(URI::create).toList();
    }

    /** Twilio could not be asked (down, circuit open, refused). */
    public static class TwilioUnavailableException extends RuntimeException {
        public TwilioUnavailableException(String message) {
            super(message);
        }
    }
}
