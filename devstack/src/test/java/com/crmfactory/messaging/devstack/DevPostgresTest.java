package com.crmfactory.messaging.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPostgresTest {

    @TempDir
    Path dir;

    @Test
    void createsTheDatabasesAndKeepsDataAcrossRestarts() throws Exception {
        int port = ChildJvm.freePort();
        Path data = dir.resolve("postgres");

        try (DevPostgres server = DevPostgres.start(port, data, null, List.of("alpha", "beta"))) {
            assertThat(databases(server)).contains("alpha", "beta");
            try (Connection c = connect(server, "alpha"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (text varchar(40))");
                s.execute("INSERT INTO note VALUES ('kept across restarts')");
            }
        }

        try (DevPostgres server = DevPostgres.start(port, data, null, List.of("alpha", "beta", "gamma"))) {
            assertThat(databases(server)).contains("alpha", "beta", "gamma");
            try (Connection c = connect(server, "alpha"); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT text FROM note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept across restarts");
            }
        }
    }

    @Test
    void mainWritesTheReadyFileAndStopsPostgresOnSigterm() throws Exception {
        int port = ChildJvm.freePort();
        Path data = dir.resolve("postgres");
        Path ready = dir.resolve("postgres.ready");
        try (ChildJvm jvm = ChildJvm.start(DevPostgres.class, dir.resolve("postgres.log"),
                "--port", String.valueOf(port), "--data-dir", data.toString(), "--ready-file", ready.toString(),
                "conversation")) {
            jvm.awaitFile(ready, Duration.ofSeconds(90));
            assertThat(Files.readString(ready)).startsWith("DevPostgres ready: jdbc:postgresql://localhost:" + port);
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + port + "/conversation", "postgres", "postgres")) {
                assertThat(c.isValid(2)).isTrue();
            }

            jvm.terminate(Duration.ofSeconds(30));

            // pg_ctl stop -w returns once postmaster.pid is gone, a moment before the process ends
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (isAlive(postmaster) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(isAlive(postmaster)).as("postmaster stopped with the JVM").isFalse();
            assertThat(ready).doesNotExist();
            assertThat(jvm.output()).contains("server stopped");
        }
    }

    @Test
    void startsPostgresAgainWhenItsServerIsKilled() throws Exception {
        int port = ChildJvm.freePort();
        Path data = dir.resolve("postgres");
        Path ready = dir.resolve("postgres.ready");
        try (ChildJvm jvm = ChildJvm.start(DevPostgres.class, dir.resolve("postgres.log"),
                "--port", String.valueOf(port), "--data-dir", data.toString(), "--ready-file", ready.toString(),
                "conversation")) {
            jvm.awaitFile(ready, Duration.ofSeconds(90));
            long killed = postmasterPid(data);
            execute(port, "CREATE TABLE note (text varchar(40))", "INSERT INTO note VALUES ('survives a crash')");

            new ProcessBuilder("kill", "-KILL", String.valueOf(killed)).start().waitFor();

            long restarted = awaitReadyWithAnotherServer(ready, data, killed, jvm);
            assertThat(isAlive(restarted)).isTrue();
            assertThat(noteText(port)).isEqualTo("survives a crash");
            assertThat(jvm.output()).contains("exited unexpectedly; starting it again");
            jvm.terminate(Duration.ofSeconds(30));
            awaitGone(restarted);
        }
    }

    @Test
    void adoptsTheServerOfALauncherKilledWithSigkillAndStopsItOnSigterm() throws Exception {
        int port = ChildJvm.freePort();
        Path data = dir.resolve("postgres");
        Path ready = dir.resolve("postgres.ready");
        String[] args = {"--port", String.valueOf(port), "--data-dir", data.toString(), "--ready-file",
                ready.toString(), "conversation"};
        long orphan;
        try (ChildJvm first = ChildJvm.start(DevPostgres.class, dir.resolve("first.log"), args)) {
            first.awaitFile(ready, Duration.ofSeconds(90));
            orphan = postmasterPid(data);
            first.kill();
        }
        assertThat(isAlive(orphan)).as("the server outlives its killed launcher").isTrue();
        Files.delete(ready);

        try (ChildJvm second = ChildJvm.start(DevPostgres.class, dir.resolve("second.log"), args)) {
            second.awaitFile(ready, Duration.ofSeconds(90));
            assertThat(Files.readString(ready)).contains("PostgreSQL pid " + orphan + " adopted");
            execute(port, "SELECT 1");

            second.terminate(Duration.ofSeconds(30));
            awaitGone(orphan);
            assertThat(ready).doesNotExist();
        }
    }

    @Test
    void adminUrlIgnoresDatabaseAndParameters() {
        assertThat(DatabaseCreator.adminUrl("jdbc:postgresql://db.example:5432"))
                .isEqualTo("jdbc:postgresql://db.example:5432/postgres");
        assertThat(DatabaseCreator.adminUrl("jdbc:postgresql://db.example:5432/app?ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example:5432/postgres");
    }

    private static long awaitReadyWithAnotherServer(Path ready, Path data, long before, ChildJvm jvm)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(ready) && Files.exists(data.resolve("postmaster.pid"))) {
                long now = postmasterPid(data);
                if (now != before && Files.readString(ready).contains("PostgreSQL pid " + now)) {
                    return now;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("PostgreSQL was not started again:\n" + jvm.output());
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (isAlive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(isAlive(pid)).as("postmaster %d stopped", pid).isFalse();
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static void execute(int port, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/conversation",
                "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String noteText(int port) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/conversation",
                "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT text FROM note")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<String> databases(DevPostgres server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(server, "postgres"); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Connection connect(DevPostgres server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), DevPostgres.USER, DevPostgres.PASSWORD);
    }
}
