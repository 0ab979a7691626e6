package com.crmfactory.messaging.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.outbox.OutboxWriter;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The outbox's post-commit hand-off against a real broker and PostgreSQL: with the safety-net poll an hour
 * apart, a committed event still reaches the consumer (the awaits' bounds are generous, not measurements), a rolled
 * back one never does, an inner transaction's events are its own, and a burst of commits from many threads arrives complete and in order per key.
 */
@SpringBootTest(properties = {"platform.outbox.enabled=true", "platform.outbox.poll-interval=1h"})
@RealInfrastructure
@DirtiesContext
class OutboxHandOffIT {

    private static final String TOPIC = SupportTestApplication.TOPIC;
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Autowired
    OutboxWriter outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForThePoll() {
        String key = key("commit");

        transactions.executeWithoutResult(s -> outbox.append(TOPIC, key, event(1)));

        await().atMost(ARRIVAL).until(() -> sequences(key).size() == 1);
        assertThat(sequences(key)).containsExactly(1);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String key = key("rollback");

        transactions.executeWithoutResult(s -> {
            outbox.append(TOPIC, key, event(1));
            s.setRollbackOnly();
        });
        transactions.executeWithoutResult(s -> outbox.append(TOPIC, key, event(2)));

        // same key, same partition: had the first been published, it would have arrived before the second
        await().atMost(ARRIVAL).until(() -> !sequences(key).isEmpty());
        assertThat(sequences(key)).containsExactly(2);
    }

    @Test
    void severalEventsOfOneTransactionArriveTogetherInOrder() {
        String key = key("one-tx");

        transactions.executeWithoutResult(s -> {
            for (int sequence = 1; sequence <= 5; sequence++) {
                outbox.append(TOPIC, key, event(sequence));
            }
        });

        await().atMost(ARRIVAL).until(() -> sequences(key).size() == 5);
        assertThat(sequences(key)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void anInnerTransactionPublishesItsOwnEventsAtItsOwnCommit() {
        String key = key("inner");
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        // the rows wait for their transaction's commit: the inner one's must not wait for (and die with) the outer's
        transactions.executeWithoutResult(s -> {
            outbox.append(TOPIC, key, event(1));
            inner.executeWithoutResult(i -> outbox.append(TOPIC, key, event(2)));
            s.setRollbackOnly();
        });
        transactions.executeWithoutResult(s -> outbox.append(TOPIC, key, event(3)));

        await().atMost(ARRIVAL).until(() -> sequences(key).size() == 2);
        assertThat(sequences(key)).containsExactly(2, 3);
    }

    @Test
    void aBurstOfCommitsFromManyThreadsArrivesCompleteAndInOrderPerKey() throws Exception {
        int perKey = 40;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(key("burst-" + i));
        }
        ExecutorService writers = Executors.newFixedThreadPool(keys.size());
        try {
            // one writer thread per key (its order is the order of its commits), every event in its own transaction
            CompletableFuture.allOf(keys.stream().map(key -> CompletableFuture.runAsync(() -> {
                for (int sequence = 1; sequence <= perKey; sequence++) {
                    int seq = sequence;
                    transactions.executeWithoutResult(s -> outbox.append(TOPIC, key, event(seq)));
                }
            }, writers)).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdown();
        }

        await().atMost(ARRIVAL).until(() -> keys.stream().mapToInt(key -> sequences(key).size()).sum() == keys.size() * perKey);
        for (String key : keys) {
            assertThat(sequences(key)).as(key).hasSize(perKey).isSorted().doesNotHaveDuplicates();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE message_key LIKE 'handoff-%'", Integer.class))
                .isZero();
    }

    private List<Integer> sequences(String key) {
        return jdbc.queryForList("SELECT sequence FROM effect WHERE message_key = ? ORDER BY id", Integer.class, key);
    }

    private static String key(String name) {
        return "handoff-" + name + "-" + UUID.randomUUID();
    }

    private static DeliveryStatusReported event(int sequence) {
        return new DeliveryStatusReported("org-1", "SM" + UUID.randomUUID().toString().replace("-", ""),
                DeliveryStatus.SENT, String.valueOf(sequence), null, null, null, null, null, null, Instant.now());
    }
}
