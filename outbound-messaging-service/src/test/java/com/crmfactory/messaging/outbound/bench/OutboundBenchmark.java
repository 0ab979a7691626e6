package com.crmfactory.messaging.outbound.bench;

import static com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder.anOutboundMessageRequested;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventType;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.kafka.CloudEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.PostgresServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of the outbound service: a real broker and PostgreSQL (test-support's embedded KRaft broker
 * and zonky PostgreSQL, in this JVM), the devstack's Twilio simulator in its own JVM, and the service's
 * executable jar in its own JVM, sending through the Twilio SDK into the simulator. Not a test (never run
 * by {@code ./mvnw verify}): run {@code outbound-messaging-service/bench/run.sh}.
 *
 * <ol>
 * <li><b>throughput</b>: {@code --rounds} bursts of {@code --burst} requests each, after a warm-up burst of
 * {@code --warmup}, from a sender whose rate limit is lifted (short code, {@code rate-limits.short-code=0}) over
 * {@code --customers} conversations; sends/s = POSTs the simulator recorded / time from the first to the last POST,
 * and the CPU each process spent per send; the median round is the result (the JIT compilers are still at work
 * between rounds, so single rounds vary);</li>
 * <li><b>latency</b>: requests at a constant {@code --rate} for {@code --latency-seconds} (below capacity);
 * latency = the simulator's {@code createdAtMillis} of the message minus the wall clock just before the
 * request event was published;</li>
 * <li><b>rate shaping</b>: {@code --shaping-messages} (60) requests at once, each its own conversation, to a
 * US long code sender at the default 1 message/s: the time from publishing them to the last POST.</li>
 * </ol>
 */
public final class OutboundBenchmark {

    private static final String SID = "AC00000000000000000000000000000001";
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String FAST_ORG = "org-bench-fast";
    private static final String FAST_SENDER = "+15550001000";
    private static final String SHAPED_ORG = "org-bench-shaped";
    private static final String SHAPED_SENDER = "+15550002000";
    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KafkaProducer<String, String> producer;
    private final String simulator;
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();

    private OutboundBenchmark(KafkaProducer<String, String> producer, String simulator) {
        this.producer = producer;
        this.simulator = simulator;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5000"));
        int burst = Integer.parseInt(options.getOrDefault("burst", "5000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "500"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int latencySeconds = Integer.parseInt(options.getOrDefault("latency-seconds", "20"));
        int shaping = Integer.parseInt(options.getOrDefault("shaping-messages", "60"));
        String heap = options.getOrDefault("heap", "256m");
        Path out = Path.of(options.getOrDefault("out", "bench/results.md")).toAbsolutePath();
        Path logs = Path.of("target", "bench").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.createDirectories(logs);
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
        long started = System.nanoTime();

        Infrastructure infrastructure = Infrastructure.get();
        String bootstrap = infrastructure.kafkaBootstrapServers();
        PostgresServer postgres = infrastructure.postgres();
        String dbUrl = infrastructure.createDatabase("bench_outbound");
        log("broker " + bootstrap + " and PostgreSQL ready (embedded, this JVM)");
        createTopics(bootstrap);

        int simPort = freePort();
        int servicePort = freePort();
        String deadCallbacks = "http://localhost:" + freePort();
        Path devstack = Path.of("..", "devstack", "target").toAbsolutePath().normalize();
        String simClasspath = devstack.resolve("devstack-0.1.0-SNAPSHOT.jar") + File.pathSeparator
                + Files.readString(devstack.resolve("classpath.txt")).trim();
        Map<String, String> simEnv = Map.of("PLATFORM_TWILIO_ACCOUNT_SID", SID, "PLATFORM_TWILIO_AUTH_TOKEN", TOKEN,
                "SIMULATOR_INGEST_URL", deadCallbacks,
                // status callbacks are not part of this measurement: planned 10 minutes out, they never fire
                "SIMULATOR_CALLBACK_STEP_MS", "600000");
        Process sim = start(List.of(java(), "-Xmx128m", "-cp", simClasspath,
                "com.crmfactory.messaging.devstack.twilio.TwilioSimulator", "--port", String.valueOf(simPort)),
                simEnv, logs.resolve("twilio-simulator.log"));
        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("SERVER_PORT", String.valueOf(servicePort));
        serviceEnv.put("MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));
        serviceEnv.put("PLATFORM_ORG_CONTEXT_SECRET", "bench-org-context-secret-" + UUID.randomUUID());
        serviceEnv.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        serviceEnv.put("SPRING_DATASOURCE_URL", dbUrl);
        serviceEnv.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        serviceEnv.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        serviceEnv.put("PLATFORM_TWILIO_ACCOUNT_SID", SID);
        serviceEnv.put("PLATFORM_TWILIO_AUTH_TOKEN", TOKEN);
        serviceEnv.put("PLATFORM_TWILIO_API_BASE_URL", "http://localhost:" + simPort);
        serviceEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", deadCallbacks);
        serviceEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        Path jar = Path.of("target", "outbound-messaging-service-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        Process service = start(List.of(java(), "-Xms" + heap, "-Xmx" + heap, "-jar", jar.toString(),
                // rate limits lifted for the throughput sender only; long codes keep the default 1/s
                "--platform.outbound.rate-limits.short-code=0", "--logging.level.root=WARN"),
                serviceEnv, logs.resolve("outbound-messaging-service.log"));
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            awaitReady(sim, "http://localhost:" + simPort + "/health", "twilio simulator");
            awaitReady(service, "http://localhost:" + servicePort + "/actuator/health/readiness", "outbound service");
            log("simulator (pid " + sim.pid() + ") and service (pid " + service.pid() + ", -Xmx" + heap + ") ready after "
                    + seconds(System.nanoTime() - started) + " s; logs in " + logs);
            OutboundBenchmark bench = new OutboundBenchmark(producer, "http://localhost:" + simPort);
            bench.publish(FAST_ORG, new TenantUpserted(FAST_ORG, "Bench fast", TenantStatus.ACTIVE,
                    List.of(new SenderNumber(Channel.SMS, FAST_SENDER, SenderType.SHORT_CODE, null)), null, Instant.now()),
                    Topics.PLATFORM_TENANTS, FAST_ORG);
            bench.publish(SHAPED_ORG, new TenantUpserted(SHAPED_ORG, "Bench shaped", TenantStatus.ACTIVE,
                    List.of(new SenderNumber(Channel.SMS, SHAPED_SENDER, SenderType.LONG_CODE, null)), null, Instant.now()),
                    Topics.PLATFORM_TENANTS, SHAPED_ORG);
            awaitTenants(dbUrl, postgres);
            ProcessHandle postmaster;
            try (Connection c = DriverManager.getConnection(dbUrl, postgres.username(), postgres.password())) {
                postmaster = CpuTimes.postmaster(c);
            }

            log("warm-up: " + warmup + " requests");
            bench.burst("warm", warmup, customers);
            bench.awaitMessages("warm", warmup, Duration.ofSeconds(120));
            bench.reset();

            List<Round> measured = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                log("throughput, round " + round + " of " + rounds + ": burst of " + burst + " requests over " + customers
                        + " conversations");
                measured.add(bench.measuredBurst("burst" + round, burst, customers, () -> CpuTimes.now(service, sim, postmaster)));
                bench.reset();
            }

            Thread.sleep(2_000);
            log("latency: " + rate + " requests/s for " + latencySeconds + " s");
            bench.constantRate("steady", rate, latencySeconds, customers);
            List<Sent> steady = bench.awaitMessages("steady", rate * latencySeconds, Duration.ofSeconds(60));
            Latency latency = Latency.of(steady);
            log(String.format("  %d sends: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms", latency.count(), latency.p50(),
                    latency.p90(), latency.p99(), latency.max()));
            bench.reset();

            Thread.sleep(2_000);
            log("rate shaping: " + shaping + " requests at once to a US long code sender (1 message/s)");
            long shapingStart = System.currentTimeMillis();
            bench.shaping("shaped", shaping);
            List<Sent> shaped = bench.awaitMessages("shaped", shaping, Duration.ofSeconds(shaping + 30L));
            Shaping shapingResult = Shaping.of(shaped, shapingStart);
            log(String.format("  publish→last POST %.2f s, first→last POST %.2f s, gaps %.3f–%.3f s, all from %s: %s",
                    shapingResult.totalSeconds(), shapingResult.spanSeconds(), shapingResult.minGap(), shapingResult.maxGap(),
                    SHAPED_SENDER, shapingResult.allFrom(SHAPED_SENDER)));

            String report = report(measured, rate, latencySeconds, latency, shaping, shapingResult, heap, loadAtStart,
                    Files.readString(Path.of("/proc/loadavg")).trim(), seconds(System.nanoTime() - started), warmup, burst, customers);
            Files.writeString(out, report);
            log("results written to " + out + " (" + seconds(System.nanoTime() - started) + " s in all)");
            System.out.println();
            System.out.println(report);
        } finally {
            stop(service);
            stop(sim);
        }
        System.exit(0);
    }

    // --- load ---------------------------------------------------------------------------------------

    /** One throughput round: a burst, the POSTs it caused, and the CPU spent from publishing it to its last POST. */
    private Round measuredBurst(String tag, int count, int customers, Supplier<CpuTimes> cpu) throws Exception {
        CpuTimes before = cpu.get();
        long start = System.currentTimeMillis();
        burst(tag, count, customers);
        long publishedIn = System.currentTimeMillis() - start;
        List<Sent> sent = awaitMessages(tag, count, Duration.ofSeconds(180));
        CpuTimes spent = cpu.get().since(before);
        Throughput t = Throughput.of(sent, start, publishedIn);
        log(String.format("  %d sends, published in %d ms, first→last POST %.2f s = %.0f sends/s (publish→last POST %.2f s)",
                t.count(), publishedIn, t.spanSeconds(), t.perSecond(), t.totalSeconds()));
        log("  CPU: " + spent.perUnit(count));
        return new Round(t, spent);
    }

    private void burst(String tag, int count, int customers) {
        for (int i = 0; i < count; i++) {
            request(FAST_ORG, tag, i, customer(i % customers));
        }
        producer.flush();
    }

    private void constantRate(String tag, int rate, int seconds, int customers) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            request(FAST_ORG, tag, i, customer(i % customers));
        }
        producer.flush();
    }

    private void shaping(String tag, int count) {
        for (int i = 0; i < count; i++) {
            request(SHAPED_ORG, tag, i, "+1556" + String.format("%07d", i));
        }
        producer.flush();
    }

    private void request(String org, String tag, int i, String to) {
        String id = UUID.randomUUID().toString();
        String body = tag + " #" + i + " " + id;
        String key = ConversationKey.of(org, Channel.SMS, to).value();
        OutboundMessageRequested request = anOutboundMessageRequested().orgId(org).requestId(id).to(to).body(body)
                .requestedBy("bench").build();
        publishedAt.put(body, System.currentTimeMillis());
        publish(org, request, Topics.OUTBOUND_REQUESTS, key);
    }

    private void publish(String org, DomainEvent event, String topic, String key) {
        CloudEvent meta = new CloudEvent(UUID.randomUUID().toString(), EventType.typeOf(event.getClass()), "bench",
                event.occurredAt(), key, org, null);
        producer.send(meta.toRecord(topic, CODEC.toJson(event)), (metadata, e) -> {
            if (e != null) {
                System.err.println("[bench] publish failed: " + e);
            }
        });
    }

    private static String customer(int n) {
        return "+1555" + String.format("%07d", n);
    }

    // --- what the simulator saw ---------------------------------------------------------------------

    record Sent(String body, String from, long publishedAt, long createdAt) {
    }

    private List<Sent> awaitMessages(String tag, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sent> sent = List.of();
        while (System.nanoTime() < deadline) {
            sent = messages(tag);
            if (sent.size() >= expected) {
                return sent;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the simulator got " + sent.size() + " of " + expected + " '" + tag + "' messages in " + timeout);
    }

    private List<Sent> messages(String tag) throws Exception {
        JsonNode all = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(simulator + "/sim/messages")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Sent> sent = new ArrayList<>();
        for (JsonNode m : all) {
            String body = m.path("body").asString();
            if (body.startsWith(tag + " #") && publishedAt.containsKey(body)) {
                sent.add(new Sent(body, m.path("from").asString(), publishedAt.get(body), m.path("createdAtMillis").asLong()));
            }
        }
        return sent;
    }

    private void reset() throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(simulator + "/sim/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    record Round(Throughput throughput, CpuTimes cpu) {
    }

    record Throughput(int count, double spanSeconds, double perSecond, double totalSeconds) {
        static Throughput of(List<Sent> sent, long publishStart, long publishedIn) {
            long first = sent.stream().mapToLong(Sent::createdAt).min().orElseThrow();
            long last = sent.stream().mapToLong(Sent::createdAt).max().orElseThrow();
            double span = Math.max(1, last - first) / 1000.0;
            return new Throughput(sent.size(), span, (sent.size() - 1) / span, (last - publishStart) / 1000.0);
        }
    }

    record Latency(int count, long p50, long p90, long p99, long max) {
        static Latency of(List<Sent> sent) {
            long[] ms = sent.stream().mapToLong(s -> s.createdAt() - s.publishedAt()).sorted().toArray();
            return new Latency(ms.length, rank(ms, 0.50), rank(ms, 0.90), rank(ms, 0.99), ms[ms.length - 1]);
        }

        private static long rank(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    record Shaping(int count, double totalSeconds, double spanSeconds, double minGap, double maxGap, List<String> senders) {
        static Shaping of(List<Sent> sent, long publishStart) {
            long[] created = sent.stream().mapToLong(Sent::createdAt).sorted().toArray();
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int i = 1; i < created.length; i++) {
                double gap = (created[i] - created[i - 1]) / 1000.0;
                min = Math.min(min, gap);
                max = Math.max(max, gap);
            }
            return new Shaping(created.length, (created[created.length - 1] - publishStart) / 1000.0,
                    (created[created.length - 1] - created[0]) / 1000.0, min, max,
                    sent.stream().map(Sent::from).distinct().toList());
        }

        boolean allFrom(String sender) {
            return senders.equals(List.of(sender));
        }
    }

    // --- report -------------------------------------------------------------------------------------

    private static String report(List<Round> rounds, int rate, int latencySeconds, Latency l, int shaping, Shaping s, String heap,
            String loadAtStart, String loadAtEnd, long totalSeconds, int warmup, int burst, int customers) {
        boolean shapingMet = s.totalSeconds() >= shaping - 1 && s.totalSeconds() <= shaping + 1 && s.allFrom(SHAPED_SENDER)
                && s.count() == shaping;
        StringBuilder r = new StringBuilder();
        r.append("# outbound-messaging-service benchmark\n\n");
        r.append("Generated by `outbound-messaging-service/bench/run.sh` (`OutboundBenchmark`); do not edit by hand.\n\n");
        r.append(String.format("- run: %s, %d cores, %s %s, Java %s; %d s in all%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), totalSeconds));
        r.append("- load average (1/5/15 min) at start `" + loadAtStart + "`, at end `" + loadAtEnd
                + "` (the machine is shared: other builds may have run meanwhile)\n");
        r.append("- broker and database: single-node KRaft (`EmbeddedKafkaKraftBroker`) and zonky's embedded PostgreSQL, both in the"
                + " load generator's JVM (test-support's `Infrastructure`, embedded mode)\n");
        r.append("- Twilio: the devstack's `TwilioSimulator` in its own JVM (`-Xmx128m`), reached through the Twilio SDK's redirected"
                + " HTTP client; status callbacks switched off for the run\n");
        r.append("- service: its executable jar in its own JVM, `-Xmx" + heap + "`, default GC and JIT, production configuration"
                + " (`request-concurrency` 4, `send-concurrency` 16 on per-conversation lanes, outbox woken by each commit, idempotent consumer, one transaction per state change) except the throughput"
                + " sender's rate limit: a short code with `rate-limits.short-code=0` (unlimited)\n");
        r.append("- warm-up: a burst of " + warmup + " requests first, not measured; the service's JIT compilers stay busy for"
                + " well over 10,000 sends, so one burst alone varied from 185 to 766 sends/s: the median round is the result\n");
        r.append("- CPU per send: each process's user + system time over the round (publish → all POSTs seen) / sends; the"
                + " simulator does the same work for every POST, so its figure tracks the speed of this shared machine's CPUs"
                + " (rounds where it is high ran slower for every process)\n");
        r.append("- request → POST: the simulator's `createdAtMillis` of the message minus the wall clock just before the"
                + " `OutboundMessageRequested` was handed to the producer (same machine, same clock)\n\n");
        r.append("| measurement | load | result |\n|---|---|---|\n");
        List<Round> bySpeed = rounds.stream().sorted(Comparator.comparingDouble(round -> round.throughput().perSecond())).toList();
        Round median = bySpeed.get(bySpeed.size() / 2);
        for (int i = 0; i < rounds.size(); i++) {
            Throughput t = rounds.get(i).throughput();
            r.append(String.format("| throughput, rate limit lifted, round %d of %d | burst of %d requests over %d conversations"
                    + " (12 partitions) | %s sends/s (%d POSTs, first→last %.2f s; publish→last POST %.2f s); CPU: %s |%n",
                    i + 1, rounds.size(), burst, customers, rounds.get(i) == median ? String.format("**%.0f**", t.perSecond())
                            : String.format("%.0f", t.perSecond()), t.count(), t.spanSeconds(), t.totalSeconds(),
                    rounds.get(i).cpu().perUnit(burst)));
        }
        r.append(String.format("| request event → Twilio POST | %d requests/s for %d s (open loop) | p50 **%d ms**, p90 %d ms,"
                + " p99 **%d ms**, max %d ms (%d sends) |%n", rate, latencySeconds, l.p50(), l.p90(), l.p99(), l.max(), l.count()));
        r.append(String.format("| rate shaping, US long code at 1 message/s | %d requests at once, one conversation each |"
                + " publish→last POST **%.2f s**, first→last POST %.2f s, gaps between POSTs %.3f–%.3f s, %d POSTs, sender %s |%n",
                shaping, s.totalSeconds(), s.spanSeconds(), s.minGap(), s.maxGap(), s.count(), String.join(", ", s.senders())));
        r.append(String.format("%nTarget (a 1 message/s sender given %d messages takes %d–%d s): **%s** (%.2f s).%n", shaping,
                shaping - 1, shaping + 1, shapingMet ? "met" : "NOT met", s.totalSeconds()));
        return r.toString();
    }

    // --- plumbing -----------------------------------------------------------------------------------

    private static void createTopics(String bootstrap) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic topic : List.of(new NewTopic(Topics.OUTBOUND_REQUESTS, 12, (short) 1),
                    new NewTopic(Topics.PLATFORM_TENANTS, 3, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props);
    }

    private static void awaitTenants(String dbUrl, PostgresServer postgres) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(dbUrl, postgres.username(), postgres.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(DISTINCT org_id) FROM tenant_sender WHERE org_id IN ('"
                            + FAST_ORG + "', '" + SHAPED_ORG + "')")) {
                if (rs.next() && rs.getInt(1) == 2) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not take the bench tenants from " + Topics.PLATFORM_TENANTS);
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(Process process, String url, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/bench/");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready; see target/bench/");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg + " (" + Arrays.toString(args) + ")");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
