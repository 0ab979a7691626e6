package com.crmfactory.messaging.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server process of a data directory, as {@code postmaster.pid} names it. It is not a child of
 * the launcher JVM ({@code pg_ctl} daemonises it), so it outlives a launcher killed with SIGKILL: the next
 * launcher finds it here and adopts it instead of failing on the port.
 */
record Postmaster(ProcessHandle process, int port) {

    /** The live server of this data directory, if there is one. */
    static Optional<Postmaster> of(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        // line 1: pid, 2: data directory, 3: start time, 4: port (PostgreSQL's own lock file layout)
        if (lines.size() < 4 || !lines.get(0).trim().matches("\\d+") || !lines.get(3).trim().matches("\\d+")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(lines.get(3).trim());
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .map(p -> new Postmaster(p, port));
    }

    long pid() {
        return process.pid();
    }

    /** Fast shutdown (SIGINT: active transactions roll back), SIGKILL if it is still there after the timeout. */
    void stop(Duration timeout) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid())).inheritIO().start().waitFor();
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
