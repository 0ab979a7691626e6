package com.crmfactory.messaging.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service's executable jar running as its own JVM, as in production; its log goes to target/. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final String readyPath;
    /** how it was launched, for {@link #restart()} on the same ports */
    private final List<String> what;
    private final Map<String, String> environment;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path log, String readyPath,
            List<String> what, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.readyPath = readyPath;
        this.what = what;
        this.environment = environment;
    }

    static ServiceProcess start(String module, Map<String, String> environment) {
        Path jar = Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("not built: " + jar + " (run ./mvnw verify from the repository root)");
        }
        Path dir = logDirectory();
        Path copy = copy(jar, dir.resolve(module + ".jar"));
        return launch(module, List.of("-jar", copy.toString()), environment, "/actuator/health/readiness", false);
    }

    /**
     * A main class of the devstack module (e.g. the Twilio simulator) as its own JVM, on the devstack's
     * classpath ({@code devstack/target/classpath.txt} plus a copy of its jar), as {@code ./omni} runs it;
     * the port is passed as {@code --port} and {@code SERVER_PORT}.
     */
    static ServiceProcess startDevstackMain(String name, String mainClass, Map<String, String> environment, String readyPath) {
        Path target = Path.of("..", "devstack", "target").toAbsolutePath().normalize();
        Path jar = target.resolve("devstack-0.1.0-SNAPSHOT.jar");
        Path classpath = target.resolve("classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
            throw new IllegalStateException("not built: " + jar + " and " + classpath + " (run ./mvnw -pl devstack package)");
        }
        try {
            Path copy = copy(jar, logDirectory().resolve(name + ".jar"));
            String cp = copy + java.io.File.pathSeparator + Files.readString(classpath).trim();
            return launch(name, List.of("-cp", cp, mainClass), environment, readyPath, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceProcess launch(String name, List<String> what, Map<String, String> environment, String readyPath,
            boolean portArgument) {
        return launch(name, what, environment, readyPath, portArgument, false);
    }

    private static ServiceProcess launch(String name, List<String> what, Map<String, String> environment, String readyPath,
            boolean portArgument, boolean appendLog) {
        // a caller may choose the port (e.g. a process that others must know the address of before it starts)
        int port = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT")) : freePort();
        Path log = logDirectory().resolve(name + ".log");
        try {
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1"));
            command.addAll(what);
            if (portArgument) {
                command.addAll(List.of("--port", String.valueOf(port)));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            // a Spring Boot service serves actuator on a port of its own (by default its port + 1000: maybe taken)
            int managementPort = portArgument ? -1 : environment.containsKey("MANAGEMENT_SERVER_PORT")
                    ? Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT")) : freePort();
            if (!portArgument) {
                builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
            }
            // plain-text logs are easier to read in target/ than JSON, unless a test asks for production's (ecs)
            builder.environment().putIfAbsent("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
            Map<String, String> relaunch = new java.util.HashMap<>(environment);
            relaunch.put("SERVER_PORT", String.valueOf(port));
            if (managementPort > 0) {
                relaunch.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
            }
            return new ServiceProcess(name, port, managementPort, builder.start(), log, readyPath, what, relaunch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path logDirectory() {
        // -Dsystem-tests.dir=... keeps the logs and jar copies of one run apart from another's running beside it
        Path dir = Path.of(System.getProperty("system-tests.dir", "target/system-tests")).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a copy: a rebuild of the module while the test runs must not pull the jar from under the JVM. */
    private static Path copy(Path jar, Path to) {
        try {
            return Files.copy(jar, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Actuator (metrics, Prometheus, health details) of a Spring Boot service. */
    String managementUrl() {
        if (managementPort < 0) {
            throw new IllegalStateException(name + " has no management port");
        }
        return "http://localhost:" + managementPort;
    }

    /** The file the process's stdout and stderr go to. */
    Path log() {
        return log;
    }

    /** Waits until the readiness path answers 200, failing fast if the process died. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + readyPath))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** For a process expected to refuse to start: waits for its exit and returns its exit code and log. */
    String awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout + "; see " + log);
        }
        try {
            return "exit " + process.exitValue() + "\n" + Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: SIGKILL, no shutdown hook, no graceful Kafka leave (the system suite's crash). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** A new JVM of the same service on the same ports and environment (its log is appended to), not yet ready. */
    ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return launch(name, what, environment, readyPath, managementPort < 0, true);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
