package com.crmfactory.messaging.conversation.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationIT;
import com.crmfactory.messaging.conversation.support.Conversations;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;

/** {@code GET /api/v1/conversations/stream}: each org sees its own conversation changes, live. */
@ConversationIT
class StreamIT {

    @LocalServerPort
    int port;
    @Autowired
    OrgContextToken tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ConversationStream stream;

    @Test
    void anOrgsStreamCarriesItsConversationChangesAndNothingElse() {
        Api api = new Api(port, tokens);
        String orgA = Fixtures.org("stream-a");
        String orgB = Fixtures.org("stream-b");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !listeners.getListenerContainer("conversation-stream").getAssignedPartitions().isEmpty());
        List<String> linesA = open(api, orgA);
        List<String> linesB = open(api, orgB);
        await().atMost(Duration.ofSeconds(10)).until(() -> linesA.contains("event:ready") && linesB.contains("event:ready"));

        assertThat(stream.connections(orgA)).isEqualTo(1);

        String sessionId = new Conversations(jdbc).receive(Fixtures.sms(orgA, Fixtures.phone(), "live?"));

        await().atMost(Duration.ofSeconds(30)).until(() -> linesA.contains("event:message-recorded"));
        assertThat(linesA).contains("event:session-opened");
        assertThat(linesA.stream().filter(line -> line.startsWith("data:") && line.contains(sessionId))).hasSize(2);
        assertThat(linesA.stream().filter(line -> line.startsWith("id:"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(linesB).noneMatch(line -> line.contains(sessionId) || line.contains(orgA));

        api.post(orgA, "/api/v1/conversations/" + sessionId + "/complete", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> linesA.contains("event:session-closed"));
        assertThat(linesB).noneMatch(line -> line.contains(sessionId));
    }

    @Test
    void aClientResumingWithLastEventIdGetsWhatItMissedAndOnlyThat() {
        Api api = new Api(port, tokens);
        String org = Fixtures.org("stream-resume");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !listeners.getListenerContainer("conversation-stream").getAssignedPartitions().isEmpty());
        List<String> first = open(api, org, null);
        String firstSession = new Conversations(jdbc).receive(Fixtures.sms(org, Fixtures.phone(), "before the drop"));
        await().atMost(Duration.ofSeconds(30)).until(() -> first.stream().anyMatch(l -> l.startsWith("data:") && l.contains(firstSession)));
        String lastSeen = first.stream().filter(line -> line.startsWith("id:")).reduce((a, b) -> b).orElseThrow().substring(3);

        // while the client is away: another conversation opens
        String missedSession = new Conversations(jdbc).receive(Fixtures.sms(org, Fixtures.phone(), "while away"));
        await().atMost(Duration.ofSeconds(30)).until(() -> first.stream().anyMatch(l -> l.contains(missedSession)));

        List<String> resumed = open(api, org, lastSeen);
        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.stream().anyMatch(l -> l.contains(missedSession)));
        assertThat(resumed).contains("event:ready").doesNotContain("event:reset");
        assertThat(resumed).noneMatch(line -> line.contains(firstSession));
        assertThat(resumed.stream().filter(line -> line.startsWith("id:"))).doesNotContain("id:" + lastSeen);

        // an id this instance does not hold (or another org's): the client is told to reload
        List<String> unknown = open(api, org, "no-such-event");
        await().atMost(Duration.ofSeconds(10)).until(() -> unknown.contains("event:reset"));
        List<String> foreign = open(api, Fixtures.org("stream-other"), lastSeen);
        await().atMost(Duration.ofSeconds(10)).until(() -> foreign.contains("event:reset"));
        assertThat(foreign).noneMatch(line -> line.contains(missedSession));
    }

    @Test
    void theStreamNeedsTheOrgContext() {
        Api.Response response = new Api(port, tokens).getWithoutOrg("/api/v1/conversations/stream");
        assertThat(response.status()).isEqualTo(401);
    }

    /** Opens a stream and collects its lines in the background. */
    private static List<String> open(Api api, String org) {
        return open(api, org, null);
    }

    private static List<String> open(Api api, String org, String lastEventId) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest.Builder builder = HttpRequest.newBuilder(api.uri("/api/v1/conversations/stream"))
                .header("Accept", "text/event-stream").header(OrgContext.HEADER, api.token(org));
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        return lines;
    }
}
