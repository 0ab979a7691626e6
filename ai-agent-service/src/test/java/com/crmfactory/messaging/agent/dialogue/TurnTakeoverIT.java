package com.crmfactory.messaging.agent.dialogue;

import static com.crmfactory.messaging.events.testing.MessageViewBuilder.aMessageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import com.crmfactory.messaging.agent.AiAgentApplication;
import com.crmfactory.messaging.devstack.erp.DemoErp;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.Infrastructure;

/**
 * Two replicas of the agent in one JVM — one database, one consumer group, the real broker — and a turn frozen in the
 * first one: its ERP ({@link HeldErp}) keeps the turn's calls waiting. A turn longer than its lease (10 s) keeps it by
 * heartbeat while the other replica sweeps (one answer); a replica gone mid-turn (its context closed, the turn never
 * finishing, the lease not released) has the customer answered by the other replica, once, within 30 s. And a burst
 * whose rest arrives while its first message is being answered (at once, as a quiet session's) is answered once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TurnTakeoverIT {

    static final String LISTENER = "agent-conversation-events";
    static final DemoErp ERP = demoErp();
    static final HeldErp HELD = new HeldErp(ERP.port());
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void twoReplicas() {
        Infrastructure infrastructure = Infrastructure.get();
        List<String> common = List.of(
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.datasource.url=" + infrastructure.createDatabase("TurnTakeoverIT"),
                "--spring.datasource.username=" + infrastructure.postgres().username(),
                "--spring.datasource.password=" + infrastructure.postgres().password(),
                "--server.port=0",
                "--platform.org-context.secret=takeover-" + UUID.randomUUID());
        // replica 1 asks the held ERP and waits for it as long as the test holds it
        first = replica(common, "--agent.erp.base-url=" + HELD.baseUrl(), "--agent.erp.timeout=120s");
        second = replica(common, "--agent.erp.base-url=http://localhost:" + ERP.port() + "/api/v1");
        jdbc = second.getBean(JdbcTemplate.class);
        int partitions = second.getBean(KafkaAdmin.class).describeTopics(Topics.CONVERSATION_EVENTS)
                .get(Topics.CONVERSATION_EVENTS).partitions().size();
        // the group settles: each replica consumes some of the partitions, together all of them
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Set<TopicPartition> one = assigned(first);
            Set<TopicPartition> two = assigned(second);
            Set<TopicPartition> all = new HashSet<>(one);
            all.addAll(two);
            return !one.isEmpty() && !two.isEmpty() && all.size() == partitions && one.size() + two.size() == partitions;
        });
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        HELD.close();
        ERP.close();
    }

    @Test
    @Order(1)
    void theRestOfABurstArrivingWhileTheFirstMessageIsAnsweredGetsOneAnswerForAll() {
        HELD.hold();
        Customer customer = new Customer(first);
        Instant typed = Instant.now();
        customer.says("how much is BRG-6204-2RS?", 1, typed);
        await().atMost(Duration.ofSeconds(30)).until(() -> HELD.waiting() > 0); // answered at once: the turn runs
        customer.says("I need 250", 2, typed.plusMillis(20)); // still typing
        await().atMost(Duration.ofSeconds(30)).until(() -> customer.messagesRecorded() == 2);
        HELD.release();

        await().atMost(Duration.ofSeconds(30)).until(() -> !customer.replies().isEmpty());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        // the first turn's answer (to the first message alone) was dropped; one turn answered both
        assertThat(customer.replies()).singleElement().satisfies(reply -> assertThat(reply.text()).contains("250"));
        assertThat(Kafka.watch(Topics.AGENT_ACTIONS).events(InsightsUpdated.class, i -> i.sessionId().equals(customer.id)))
                .hasSize(1);

        // a message well after the first one is a new turn of its own, even while the first is still being answered
        HELD.hold();
        Customer another = new Customer(first);
        Instant asked = Instant.now();
        another.says("how much is BRG-6204-2RS?", 1, asked);
        await().atMost(Duration.ofSeconds(30)).until(() -> HELD.waiting() > 0);
        another.says("and is it in stock?", 2, asked.plusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> another.messagesRecorded() == 2);
        HELD.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> another.replies().size() == 2);
    }

    @Test
    @Order(2)
    void aTurnLongerThanItsLeaseKeepsItByHeartbeatAndIsAnsweredOnce() {
        HELD.hold();
        Customer customer = new Customer(first);
        customer.says("how much is BRG-6204-2RS?");
        await().atMost(Duration.ofSeconds(30)).until(() -> HELD.waiting() > 0);
        String claim = claimOf(customer.id);
        assertThat(claim).isNotNull();

        // 15 s, half as long again as the lease, while the other replica sweeps every second: nobody takes the turn over
        await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20))
                .until(() -> claim.equals(claimOf(customer.id)) && customer.replies().isEmpty());
        assertThat(leaseOf(customer.id)).isAfter(Instant.now()); // renewed by the heartbeat

        HELD.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> !customer.replies().isEmpty());
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(customer.replies()).singleElement().satisfies(reply -> assertThat(reply.text()).contains("BRG-6204-2RS"));
        assertThat(claimOf(customer.id)).isNull();
    }

    @Test
    @Order(3)
    void aCustomerWhoseTurnWasInFlightOnAGoneReplicaIsAnsweredOnceWithin30Seconds() {
        HELD.hold();
        Customer customer = new Customer(first);
        customer.says("how much is BRG-6204-2RS?");
        await().atMost(Duration.ofSeconds(30)).until(() -> HELD.waiting() > 0);
        String claim = claimOf(customer.id);
        assertThat(claim).isNotNull();

        Instant gone = Instant.now();
        first.close(); // the turn never finishes there: as after a kill, nothing releases its lease
        first = null;
        assertThat(claimOf(customer.id)).isEqualTo(claim);
        assertThat(customer.replies()).isEmpty();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !customer.replies().isEmpty());
        Duration waited = Duration.between(gone, Instant.now());
        System.out.printf("turn taken over: the customer was answered %d ms after the replica running the turn was gone%n",
                waited.toMillis());
        assertThat(waited).isLessThan(Duration.ofSeconds(30));

        // the gone replica's turn wakes up: it publishes nothing (its claim passed to the other replica)
        HELD.release();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(customer.replies()).singleElement().satisfies(reply -> assertThat(reply.text()).contains("BRG-6204-2RS"));
        assertThat(claimOf(customer.id)).isNull();
    }

    /** A customer whose conversation key falls on a partition the given replica consumes. */
    static final class Customer {
        final String org = "org-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        final String id = UUID.randomUUID().toString();
        final String phone;
        final String key;

        Customer(ConfigurableApplicationContext replica) {
            Set<Integer> partitions = new HashSet<>();
            assigned(replica).forEach(p -> partitions.add(p.partition()));
            int total = assignedTotal();
            String candidate;
            String candidateKey;
            int n = ThreadLocalRandom.current().nextInt(1_000_000);
            do {
                candidate = "+1555" + String.format("%07d", n++ % 10_000_000);
                candidateKey = ConversationKey.of(org, Channel.WHATSAPP, "whatsapp:" + candidate).value();
            } while (!partitions.contains(partitionOf(candidateKey, total)));
            phone = candidate;
            key = candidateKey;
            Kafka.send(Topics.CONVERSATION_EVENTS, key, new SessionOpened(org, id, "contact-1", Channel.WHATSAPP,
                    "whatsapp:" + phone, "whatsapp:+14155238886", SessionStatus.ACTIVE, "Dana", null, Instant.now()));
        }

        void says(String body) {
            says(body, 1, Instant.now());
        }

        void says(String body, long sequence, Instant createdAt) {
            Kafka.send(Topics.CONVERSATION_EVENTS, key, new MessageRecorded(org, id, "contact-1", aMessageView()
                    .sequence(sequence).createdAt(createdAt).channel(Channel.WHATSAPP).from("whatsapp:" + phone)
                    .to("whatsapp:+14155238886").body(body).build(), Instant.now()));
        }

        int messagesRecorded() {
            return jdbc.queryForObject("SELECT count(*) FROM agent_message WHERE session_id = ?", Integer.class, id);
        }

        List<ReplyProposed> replies() {
            return Kafka.watch(Topics.AGENT_ACTIONS).events(ReplyProposed.class, r -> r.sessionId().equals(id));
        }
    }

    /** The producer's partition for a key (murmur2, as Kafka's built-in partitioner). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static int assignedTotal() {
        return second.getBean(KafkaAdmin.class).describeTopics(Topics.CONVERSATION_EVENTS).get(Topics.CONVERSATION_EVENTS)
                .partitions().size();
    }

    static Set<TopicPartition> assigned(ConfigurableApplicationContext replica) {
        var container = replica.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
        var partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? Set.of() : new HashSet<>(new ArrayList<>(partitions));
    }

    static String claimOf(String sessionId) {
        return jdbc.queryForObject("SELECT turn_claim FROM agent_session WHERE session_id = ?", String.class, sessionId);
    }

    static Instant leaseOf(String sessionId) {
        return jdbc.queryForObject("SELECT turn_claimed_until FROM agent_session WHERE session_id = ?",
                java.sql.Timestamp.class, sessionId).toInstant();
    }

    private static DemoErp demoErp() {
        try {
            return new DemoErp(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext replica(List<String> common, String... own) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(own));
        return new SpringApplicationBuilder(AiAgentApplication.class).run(args.toArray(String[]::new));
    }
}
