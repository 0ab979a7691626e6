package com.crmfactory.messaging.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker+controller) for the local stack, run by Apache Kafka's
 * own code in this JVM:
 * <ol>
 *   <li>writes {@code <data-dir>/server.properties} ({@link KafkaServerConfig});</li>
 *   <li>the first time only, formats {@code <data-dir>/logs} with {@code kafka.tools.StorageTool format}
 *       and a random cluster id;</li>
 *   <li>runs {@code kafka.Kafka server.properties} until SIGTERM (Kafka's own shutdown hook stops it);</li>
 *   <li>once the broker answers a metadata request, writes the ready file and prints a ready line.</li>
 * </ol>
 *
 * <pre>java -Dlog4j2.configurationFile=… -cp … DevKafka --data-dir .omni/data/kafka [--port 9092]
 *      [--controller-port 9093] [--ready-file f]</pre>
 */
public final class DevKafka {

    private DevKafka() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        Path dataDir = Path.of(args.required("data-dir")).toAbsolutePath();
        String host = args.get("host", "localhost");
        int port = args.getInt("port", 9092);
        int controllerPort = args.getInt("controller-port", 9093);
        ReadyFile ready = ReadyFile.of(args.get("ready-file", null));

        Path logDir = dataDir.resolve("logs");
        Path config = KafkaServerConfig.write(dataDir.resolve("server.properties"),
                KafkaServerConfig.properties(logDir, host, port, controllerPort));
        formatOnce(config, logDir);

        String bootstrap = host + ":" + port;
        long startedAt = System.nanoTime();
        Thread watcher = new Thread(() -> announceWhenReady(bootstrap, ready, startedAt), "dev-kafka-ready");
        watcher.setDaemon(true);
        watcher.start();
        if (ready != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(ready::delete, "dev-kafka-ready-cleanup"));
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** Formats the storage directory unless it already holds a formatted log directory. */
    static void formatOnce(Path config, Path logDir) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()}, System.out);
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + exit);
        }
    }

    private static void announceWhenReady(String bootstrap, ReadyFile ready, long startedAt) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "devstack-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        break;
                    }
                } catch (Exception notYet) {
                    // broker still starting
                }
                Thread.sleep(Duration.ofMillis(200).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String line = String.format("DevKafka ready: %s in %d ms", bootstrap, (System.nanoTime() - startedAt) / 1_000_000);
        if (ready != null) {
            ready.write(line + System.lineSeparator());
        }
        System.out.println(line);
    }
}
