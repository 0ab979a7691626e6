package com.crmfactory.messaging.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the devstack's PostgreSQL server up for as long as the launcher JVM lives, the way a process supervisor
 * would: a server left running by an earlier launcher killed with SIGKILL is adopted (not started twice, not
 * orphaned), a server that dies under us (e.g. {@code kill -9} of the postmaster) is started again on the same data,
 * and SIGTERM of the launcher stops whichever server it watches.
 */
final class PostgresSupervisor {

    /** After a crash the old server's backends take a moment to leave, and PostgreSQL refuses to start until they have. */
    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Path data;
    private final Path binaries;
    private final List<String> databases;
    private final ReadyFile ready;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Running current;

    /** A watched server and how to stop it. */
    private record Running(Postmaster postmaster, Runnable stop, String origin) {
    }

    PostgresSupervisor(int port, Path data, Path binaries, List<String> databases, ReadyFile ready) {
        this.port = port;
        this.data = data.toAbsolutePath();
        this.binaries = binaries;
        this.databases = databases;
        this.ready = ready;
    }

    /** Runs until {@link #stop()}: (re)starts or adopts the server and waits for it to exit. */
    void run() throws Exception {
        try {
            while (!stopping) {
                long startedAt = System.nanoTime();
                Running server = adoptOrStart();
                current = server;
                if (stopping) {
                    server.stop().run();
                    break;
                }
                announce(String.format("DevPostgres ready: jdbc:postgresql://localhost:%d (PostgreSQL pid %d %s, "
                        + "databases %s, data %s) in %d ms", port, server.postmaster().pid(), server.origin(),
                        String.join(", ", databases), data, (System.nanoTime() - startedAt) / 1_000_000));
                server.postmaster().process().onExit().join();
                if (!stopping) {
                    if (ready != null) {
                        ready.delete();
                    }
                    System.out.println("DevPostgres: PostgreSQL pid " + server.postmaster().pid()
                            + " exited unexpectedly; starting it again");
                    server.stop().run(); // releases the embedded server's lock on the data directory
                }
            }
        } finally {
            finished.countDown();
        }
    }

    /** SIGTERM: stops the watched server and waits until {@link #run()} has returned. */
    void stop() {
        stopping = true;
        if (ready != null) {
            ready.delete();
        }
        Running server = current;
        if (server != null) {
            server.stop().run();
        }
        try {
            finished.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Running adoptOrStart() throws Exception {
        Optional<Postmaster> orphan = Postmaster.of(data);
        if (orphan.isPresent() && orphan.get().port() == port) {
            Postmaster postmaster = orphan.get();
            DatabaseCreator.ensureDatabases("jdbc:postgresql://localhost:" + port, DevPostgres.USER,
                    DevPostgres.PASSWORD, databases);
            return new Running(postmaster, () -> postmaster.stop(STOP_TIMEOUT), "adopted from an earlier launcher");
        }
        orphan.ifPresent(other -> other.stop(STOP_TIMEOUT)); // serving another port: the table says otherwise now
        long deadline = System.nanoTime() + RESTART_PATIENCE.toNanos();
        while (true) {
            try {
                DevPostgres server = DevPostgres.start(port, data, binaries, databases);
                Postmaster postmaster = Postmaster.of(data)
                        .orElseThrow(() -> new IllegalStateException("PostgreSQL started but wrote no postmaster.pid"));
                return new Running(postmaster, server::close, "started");
            } catch (Exception e) {
                if (stopping || System.nanoTime() > deadline) {
                    throw e;
                }
                System.out.println("DevPostgres: PostgreSQL did not start yet (" + e.getMessage() + "); retrying");
                Thread.sleep(1000);
            }
        }
    }

    private void announce(String line) {
        if (ready != null) {
            ready.write(line + System.lineSeparator());
        }
        System.out.println(line);
        System.gc(); // give back the heap used once for unpacking the binaries
    }
}
