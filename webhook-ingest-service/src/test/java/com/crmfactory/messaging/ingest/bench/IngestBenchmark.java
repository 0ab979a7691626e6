package com.crmfactory.messaging.ingest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.ingest.support.TenantTopic;

/**
 * Load test of the webhook ingest: a real broker on this machine, the service in its own JVM, and signed
 * SMS webhooks at constant rates; beside it, a bare Kafka producer's throughput as the ceiling. Not a
 * test (it never runs in {@code ./mvnw verify}): run {@code webhook-ingest-service/bench/run.sh}.
 *
 * <p>Options: {@code --rates=100,300,1000 --duration=20 --warmup=20 --heap=256m --producer-records=50000
 * --out=bench/results.md} and {@code --bootstrap-servers=host:port} to use a running broker (e.g. the
 * devstack's) instead of starting an embedded KRaft broker.
 */
public final class IngestBenchmark {

    private static final String TOKEN = "benchmark-token-not-a-secret-000";

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int[] rates = Arrays.stream(options.getOrDefault("rates", "100,300,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
        String heap = options.getOrDefault("heap", "256m");
        int producerRecords = Integer.parseInt(options.getOrDefault("producer-records", "50000"));
        Path out = Path.of(options.getOrDefault("out", "bench/results.md")).toAbsolutePath();
        Files.createDirectories(out.getParent());
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();

        EmbeddedKafkaKraftBroker embedded = null;
        String bootstrap = options.get("bootstrap-servers");
        if (bootstrap == null) {
            embedded = startBroker();
            bootstrap = embedded.getBrokersAsString();
        }
        log("broker: " + bootstrap + (embedded != null ? " (embedded KRaft, this JVM)" : ""));
        try {
            TenantTopic.publish(bootstrap, TenantTopic.tenant("org-bench", TenantStatus.ACTIVE,
                    TenantTopic.sms(SignedWebhooks.BUSINESS_NUMBER)));
            Path serviceLog = Path.of("target", "bench", "ingest-service.log").toAbsolutePath();
            Files.createDirectories(serviceLog.getParent());
            List<OpenLoopLoad.Result> results = new ArrayList<>();
            List<String> serverAcks = new ArrayList<>();
            try (IngestProcess ingest = IngestProcess.start(bootstrap, TOKEN, heap, serviceLog)) {
                log("ingest service ready on port " + ingest.port() + " (pid " + ingest.pid() + ", log " + serviceLog + ")");
                String url = "http://localhost:" + ingest.port() + "/api/v1/webhooks/telephony/sms";
                OpenLoopLoad load = new OpenLoopLoad(new SignedWebhooks(url, TOKEN));
                // the JIT compiles the request path first: half the warm-up at 100/s, half at 300/s
                log("warm-up: " + warmup.toSeconds() + " s, half at 100/s, half at 300/s");
                log("  " + describe(load.run(100, warmup.dividedBy(2))));
                log("  " + describe(load.run(300, warmup.dividedBy(2))));
                for (int rate : rates) {
                    Thread.sleep(2_000);
                    ServerAckMetrics before = ServerAckMetrics.parse(ingest.getManagement("/actuator/prometheus"));
                    OpenLoopLoad.Result result = load.run(rate, duration);
                    serverAcks.add(ServerAckMetrics.parse(ingest.getManagement("/actuator/prometheus")).since(before));
                    results.add(result);
                    log(describe(result));
                }
            }
            log("bare producer: " + producerRecords + " records async, then 1000 one at a time");
            ProducerCeiling.Result ceiling = new ProducerCeiling(bootstrap).run(producerRecords, 1_000);
            log(String.format("  %.0f records/s; sync p50 %.2f ms p99 %.2f ms", ceiling.recordsPerSecond(),
                    ceiling.syncLatency().p50(), ceiling.syncLatency().p99()));
            String report = BenchReport.markdown(results, serverAcks, ceiling, embedded != null, heap, loadAtStart,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            Files.writeString(out, report);
            log("results written to " + out);
            System.out.println();
            System.out.println(report);
        } finally {
            if (embedded != null) {
                embedded.destroy();
            }
        }
        System.exit(0);
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return broker;
    }

    private static String describe(OpenLoopLoad.Result r) {
        return String.format("%5d/s for %ds: sent %d (%.0f/s), 2xx %d, errors %d, achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
                r.targetRate(), r.duration().toSeconds(), r.sent(), r.sentRate(), r.ok(), r.errors(), r.achievedRate(),
                r.latency().p50(), r.latency().p99(), r.latency().max(), r.firstError() == null ? "" : " (" + r.firstError() + ")");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
