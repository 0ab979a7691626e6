package com.crmfactory.messaging.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.devstack.erp.DemoErp;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * A model slower than the consumer's {@code max.poll.interval.ms} (5 s here, 5 minutes by default): the turn runs on
 * the agent's turn threads, never on the consumer's, so the consumer keeps polling — no rebalance, no second delivery
 * of the message, no second turn — and another customer writing meanwhile is answered while the slow turn still waits
 * for its model. The slow customer then gets exactly one answer: the model's (the hard stop, 30 s, is not reached).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class SlowModelIT {

    static final String LISTENER = "agent-conversation-events";
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    static final DemoErp ERP = start();
    static final FakeOpenAi MODEL = new FakeOpenAi();
    /** Holds the slow customer's model call until the test lets it answer. */
    static final CountDownLatch SLOW_MODEL = new CountDownLatch(1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("agent.erp.base-url", () -> "http://localhost:" + ERP.port() + "/api/v1");
        registry.add("agent.llm.provider", () -> "openai");
        registry.add("agent.llm.base-url", MODEL::baseUrl);
        registry.add("agent.llm.api-key", () -> "sk-test");
        registry.add("agent.llm.model", () -> "fake-gpt");
        registry.add("agent.llm.timeout", () -> "30s");
        registry.add("spring.kafka.consumer.properties.max.poll.interval.ms", () -> MAX_POLL_INTERVAL.toMillis());
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void stop() {
        SLOW_MODEL.countDown();
        ERP.close();
        MODEL.close();
    }

    @Test
    void aModelSlowerThanThePollIntervalAnswersOnceWithoutARebalanceAndOthersAreAnsweredMeanwhile() throws Exception {
        MODEL.script(r -> {
            if (r.lastUserText().contains("slow-model")) {
                try {
                    SLOW_MODEL.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new FakeOpenAi.Answer("Your parts are on the way (slow)", "track_order", 0.9, false);
            }
            return new FakeOpenAi.Answer("Hello, quick answer", "greeting", 0.9, false);
        });
        MessageListenerContainer consumer = listeners.getListenerContainer(LISTENER);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.getAssignedPartitions() != null
                && !consumer.getAssignedPartitions().isEmpty());
        double rebalancesBefore = coordinatorMetric(consumer, "rebalance-total");
        double failedBefore = coordinatorMetric(consumer, "failed-rebalance-total");
        Set<TopicPartition> partitionsBefore = new HashSet<>(consumer.getAssignedPartitions());

        String org = "org-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        LlmCustomer slow = new LlmCustomer(org, "+15557771001", "Sam");
        LlmCustomer other = new LlmCustomer(org, "+15557771002", "Olga");
        slow.says("where are my parts? slow-model");
        await().atMost(Duration.ofSeconds(30)).until(() -> !MODEL.requestsAbout("slow-model").isEmpty());
        long modelAsked = System.nanoTime();

        // while the slow turn waits for its model, another customer is answered: neither the consumer nor the turns wait
        other.says("hello there");
        await().atMost(Duration.ofSeconds(30)).until(() -> !other.replies().isEmpty());
        assertThat(other.replies()).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("Hello, quick answer"));
        assertThat(slow.replies()).isEmpty();

        // the model keeps the turn well past the consumer's max.poll.interval.ms before it answers
        Duration past = MAX_POLL_INTERVAL.plusSeconds(2);
        await().atMost(past.plusSeconds(30)).until(() -> System.nanoTime() - modelAsked > past.toNanos());
        assertThat(slow.replies()).isEmpty();
        SLOW_MODEL.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> !slow.replies().isEmpty());
        // a redelivered message or a second turn would show within a few seconds: none does
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(slow.replies()).singleElement().extracting(ReplyProposed::text)
                .isEqualTo("Your parts are on the way (slow)");
        assertThat(MODEL.requestsAbout("slow-model")).hasSize(1); // one turn asked the model once
        assertThat(other.replies()).hasSize(1);

        // the consumer stayed in the group the whole time: no rebalance since its first assignment
        System.out.printf("slow model: %d ms past the model call, consumer rebalances %s (failed %s) before and after%n",
                (System.nanoTime() - modelAsked) / 1_000_000, rebalancesBefore, failedBefore);
        assertThat(coordinatorMetric(consumer, "rebalance-total")).isEqualTo(rebalancesBefore);
        assertThat(coordinatorMetric(consumer, "failed-rebalance-total")).isEqualTo(failedBefore);
        assertThat(new HashSet<>(consumer.getAssignedPartitions())).isEqualTo(partitionsBefore);
    }

    /** A metric of the listener consumer's group coordinator, e.g. {@code rebalance-total}. */
    private static double coordinatorMetric(MessageListenerContainer consumer, String name) {
        double total = 0;
        boolean found = false;
        for (Map<MetricName, ? extends Metric> metrics : consumer.metrics().values()) {
            for (var metric : metrics.entrySet()) {
                if (metric.getKey().name().equals(name) && metric.getKey().group().equals("consumer-coordinator-metrics")) {
                    total += ((Number) metric.getValue().metricValue()).doubleValue();
                    found = true;
                }
            }
        }
        assertThat(found).as("consumer metric %s", name).isTrue();
        return total;
    }

    private static DemoErp start() {
        try {
            return new DemoErp(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
