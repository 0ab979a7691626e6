package com.crmfactory.messaging.automation.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.config.AutomationProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * DNS rebinding: a host that answers a public address when the guard checks it and 127.0.0.1 when the HTTP client
 * connects. The client resolves through the guard, so the second answer is checked too and nothing connects.
 */
class DnsRebindingTest {

    private static final String HOST = "rebinding.example";
    private final AutomationProperties.Http properties = new AutomationProperties.Http(Duration.ofSeconds(2), 3,
            Duration.ofMillis(1), List.of());
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket listener;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (Exception closed) {
                    return;
                }
            }
        }, "rebinding-listener");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    @Test
    void aDnsAnswerThatTurnsPrivateAfterTheCheckIsRefusedAtConnectAndNeverRetried() {
        UrlGuard rebinding = new UrlGuard(properties, host -> new InetAddress[] {InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")});
        HttpCaller caller = new HttpCaller(properties, rebinding, new FixedSecret(), JsonMapper.builder().build(),
                Clock.systemUTC());

        assertThatThrownBy(() -> caller.post(step(), "https://" + HOST + ":" + listener.getLocalPort() + "/hook",
                JsonMapper.builder().build().createObjectNode().put("event", "x")))
                .isInstanceOf(StepFailedException.class).hasMessageContaining("non-public");
        assertThat(lookups).as("the check, then the connect's own lookup; no retry").hasValue(2);
        assertThat(connections).as("connections to 127.0.0.1").hasValue(0);
        caller.destroy();
    }

    @Test
    void theConnectUsesTheAddressesTheGuardResolved() throws Exception {
        // a development host (insecure-hosts) may be private: the client connects where the guard's lookup says
        AutomationProperties.Http development = new AutomationProperties.Http(Duration.ofSeconds(2), 1, Duration.ofMillis(1),
                List.of(HOST));
        UrlGuard guard = new UrlGuard(development, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        });
        HttpCaller caller = new HttpCaller(development, guard, new FixedSecret(), JsonMapper.builder().build(),
                Clock.systemUTC());

        // the listener closes each connection without an answer: one connection, made to the guard's address
        assertThatThrownBy(() -> caller.post(step(), "http://" + HOST + ":" + listener.getLocalPort() + "/hook",
                JsonMapper.builder().build().createObjectNode())).isInstanceOf(StepFailedException.class);
        assertThat(connections).hasValue(1);
        assertThat(lookups).hasValue(2);
        caller.destroy();
    }

    private static StepContext step() {
        return new StepContext("org-1", UUID.randomUUID(), UUID.randomUUID(), 1, 0, "event-1", 0, Instant.now());
    }

    /** The org's signing key without a database. */
    private static final class FixedSecret extends SigningSecrets {
        FixedSecret() {
            super(null, Clock.systemUTC());
        }

        @Override
        public String secretOf(String orgId) {
            return "secret";
        }
    }
}
