package com.crmfactory.messaging.systemtests.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stack {@code ./omni up} runs: the addresses of its process table, its secrets ({@code .omni/secrets/}), its
 * logs ({@code .omni/logs/}) and pid files ({@code .omni/pids/}). A killed process is started again with
 * {@code ./omni up --no-build}, which starts only what is not running. Properties (set by {@code ./omni check}):
 * {@code omni.root}, {@code omni.home}; ports default to omni's table.
 */
public final class OmniStack implements Stack {

    private static final List<String> PLATFORM = List.of("gateway-service", "webhook-ingest-service", "conversation-service",
            "ai-agent-service", "outbound-messaging-service", "automation-service", "template-service");

    /** PostgreSQL's server process ("postgres" alone is its launcher JVM, which a SIGKILL leaves the server of). */
    static final String POSTMASTER = "postgres-server";

    private final Path root = Path.of(System.getProperty("omni.root", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("omni.home", root.resolve(".omni").toString())).toAbsolutePath();

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String gatewayUrl() {
        return property("omni.gateway.url", "http://localhost:8080");
    }

    @Override
    public String simulatorUrl() {
        return property("omni.simulator.url", "http://localhost:8090");
    }

    @Override
    public String kafkaBootstrapServers() {
        return property("omni.kafka.bootstrap.servers", "localhost:9092");
    }

    @Override
    public String conversationJdbcUrl() {
        return property("omni.conversation.jdbc.url", "jdbc:postgresql://localhost:15432/conversation");
    }

    @Override
    public String databaseUser() {
        return property("omni.postgres.user", "postgres");
    }

    @Override
    public String databasePassword() {
        return property("omni.postgres.password", "postgres");
    }

    @Override
    public String apiKey() {
        return read(home.resolve("secrets/demo-api-key"));
    }

    @Override
    public String adminApiKey() {
        return read(home.resolve("secrets/admin-api-key"));
    }

    @Override
    public String twilioAuthToken() {
        return property("platform.twilio.auth.token", "0123456789abcdef0123456789abcdef");
    }

    @Override
    public String twilioAccountSid() {
        return property("platform.twilio.account.sid", "AC00000000000000000000000000000001");
    }

    @Override
    public String businessNumber() {
        return property("platform.twilio.sms.number", "+15005550006");
    }

    @Override
    public List<Path> serviceLogs() {
        List<Path> logs = new ArrayList<>();
        try (var files = Files.list(home.resolve("logs"))) {
            files.filter(f -> PLATFORM.stream().anyMatch(p -> f.getFileName().toString().startsWith(p))).forEach(logs::add);
        } catch (IOException e) {
            throw new IllegalStateException("no logs in " + home, e);
        }
        return logs;
    }

    /** The pid omni recorded for the process (or for its first replica); "postgres-server" is PostgreSQL's postmaster. */
    long pid(String process) {
        if (process.equals(POSTMASTER)) { // the server, not its launcher JVM: postmaster.pid's first line
            return Long.parseLong(read(home.resolve("data/postgres/postmaster.pid")).lines().findFirst().orElseThrow().strip());
        }
        Path file = home.resolve("pids/" + process + ".pid");
        if (!Files.isRegularFile(file)) {
            file = home.resolve("pids/" + process + "-1.pid");
        }
        return Long.parseLong(read(file));
    }

    @Override
    public void kill(String process) throws Exception {
        long pid = pid(process);
        signal("KILL", pid);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    @Override
    public void restart(String process) throws Exception {
        if (process.equals(POSTMASTER)) { // the launcher (DevPostgres) starts a killed server again by itself
            awaitDatabase(Duration.ofSeconds(120));
            return;
        }
        Process up = new ProcessBuilder(root.resolve("omni").toString(), "up", "--no-build").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("logs/omni-check-restarts.log").toFile()))
                .start();
        if (!up.waitFor(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS) || up.exitValue() != 0) {
            throw new IllegalStateException("./omni up --no-build did not bring " + process + " back (see .omni/logs/omni-check-restarts.log)");
        }
    }

    private void awaitDatabase(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var connection = java.sql.DriverManager.getConnection(conversationJdbcUrl(), databaseUser(), databasePassword())) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                Thread.sleep(500); // still recovering
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back within " + timeout);
    }

    @Override
    public void pause(String process) throws Exception {
        signal("STOP", pid(process));
    }

    @Override
    public void resume(String process) throws Exception {
        signal("CONT", pid(process));
    }

    private static void signal(String signal, long pid) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " exited " + exit);
        }
    }

    @Override
    public int senderMessagesPerSecond() {
        return Integer.parseInt(property("platform.outbound.ratelimits.longcode", "1"));
    }

    @Override
    public boolean brokerIsProcess() {
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (is the stack up? ./omni status)", e);
        }
    }
}
