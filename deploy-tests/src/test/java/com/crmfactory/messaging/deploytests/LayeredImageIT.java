package com.crmfactory.messaging.deploytests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * What can be proven of deploy/docker/Dockerfile without a Docker engine: its extraction command, run on a real
 * service jar (webhook-ingest-service), yields the layers its COPY lines name, in the jar's own layer order; the
 * layers laid over one directory, as the image does, start with the image's exact ENTRYPOINT flags against a real
 * broker, answer readiness and Prometheus on their two ports, write nothing into the application directory (the
 * read-only root filesystem), and stop gracefully on SIGTERM. {@code docker build} itself: deploy/check.sh.
 */
class LayeredImageIT {

    private static final Path DOCKERFILE = Repo.path("deploy/docker/Dockerfile");
    private static final String SERVICE = "webhook-ingest-service";

    @Test
    void theDockerfileIsNonRootLabelledAndContainerAware() {
        String dockerfile = Repo.read(DOCKERFILE);
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile);
        assertThat(user.find()).as("numeric USER (runAsNonRoot checks the id)").isTrue();
        assertThat(Integer.parseInt(user.group(1))).isPositive();
        assertThat(Integer.parseInt(user.group(1))).isEqualTo(10001).as("the Deployments' runAsUser");
        for (String label : List.of("version", "revision", "source", "title")) {
            assertThat(dockerfile).contains("org.opencontainers.image." + label + "=");
        }
        assertThat(entrypoint()).contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp").endsWith("/application/application.jar");
        assertThat(dockerfile).contains("STOPSIGNAL SIGTERM");
    }

    @Test
    void theExtractedLayersStartAsTheImageWouldAndStopGracefully(@TempDir Path work) throws Exception {
        Path jar = Repo.path(SERVICE + "/target/" + SERVICE + "-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("built by the reactor before this module").exists();
        // the build stage: the Dockerfile's own RUN line, on the jar under the name its COPY gives it
        Path stage = Files.createDirectories(work.resolve("extract"));
        Files.copy(jar, stage.resolve("service.jar"));
        List<String> extract = new ArrayList<>(List.of(java()));
        extract.addAll(List.of(runExtractLine().replaceFirst("^java ", "").split(" ")));
        Process extraction = new ProcessBuilder(extract).directory(stage.toFile()).redirectErrorStream(true).start();
        String extractionOutput = new String(extraction.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(extraction.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(extraction.exitValue()).as(extractionOutput).isZero();

        // the COPY lines name exactly the jar's layers, in its layers.idx order (rarely changing first)
        List<String> copied = copiedLayers();
        assertThat(copied).isEqualTo(layersIndex(jar));
        Path extracted = stage.resolve("extracted");
        try (Stream<Path> layers = Files.list(extracted)) {
            assertThat(layers.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(copied);
        }
        // the final stage: each layer copied over /application
        Path application = Files.createDirectories(work.resolve("application"));
        for (String layer : copied) {
            copyTree(extracted.resolve(layer), application);
        }
        assertThat(application.resolve("application.jar")).exists();
        assertThat(application.resolve("lib")).isDirectory();
        Set<String> before = tree(application);

        int port = freePort();
        int management = freePort();
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(java());
        for (String arg : entrypoint().subList(1, entrypoint().size())) {
            command.add(arg.replace("/application/application.jar", application.resolve("application.jar").toString())
                    .replace("-Djava.io.tmpdir=/tmp", "-Djava.io.tmpdir=" + tmp));
        }
        command.add(1, "-Xmx256m");
        ProcessBuilder builder = new ProcessBuilder(command).directory(application.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", Infrastructure.get().kafkaBootstrapServers());
        env.put("PLATFORM_ORG_CONTEXT_SECRET", "image-test-" + UUID.randomUUID());
        env.put("PLATFORM_TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000001");
        env.put("PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN);
        env.put("TMPDIR", tmp.toString());
        Process service = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int status = 0;
            while (status != 200) {
                assertThat(service.isAlive()).as("service exited: " + log(work)).isTrue();
                assertThat(System.nanoTime()).as("not ready in 120 s: " + log(work)).isLessThan(deadline);
                status = get(http, "http://127.0.0.1:" + port + "/actuator/health/readiness").statusCode();
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            HttpResponse<String> metrics = get(http, "http://127.0.0.1:" + management + "/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + SERVICE + "\"");
            assertThat(get(http, "http://127.0.0.1:" + port + "/actuator/prometheus").statusCode())
                    .as("metrics are not on the public port").isNotEqualTo(200);
            assertThat(tree(application)).as("nothing written into the image's filesystem").isEqualTo(before);
        } finally {
            service.destroy(); // SIGTERM, as the container runtime's stop
        }
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped within the grace period").isTrue();
        assertThat(service.exitValue()).isIn(0, 143);
        assertThat(log(work)).contains("graceful shutdown");
    }

    private static List<String> entrypoint() {
        Matcher m = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(Repo.read(DOCKERFILE));
        assertThat(m.find()).isTrue();
        List<String> args = new ArrayList<>();
        Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
        while (arg.find()) {
            args.add(arg.group(1));
        }
        assertThat(args.get(0)).isEqualTo("java");
        return args;
    }

    private static String runExtractLine() {
        Matcher m = Pattern.compile("(?m)^RUN (java -Djarmode=tools -jar service\\.jar extract .*)$").matcher(Repo.read(DOCKERFILE));
        assertThat(m.find()).as("the Dockerfile's extraction line").isTrue();
        assertThat(m.group(1)).contains("--layers").contains("--application-filename application.jar");
        return m.group(1);
    }

    private static List<String> copiedLayers() {
        Matcher m = Pattern.compile("(?m)^COPY --from=extract /extract/extracted/([a-z-]+)/ \\./$").matcher(Repo.read(DOCKERFILE));
        List<String> layers = new ArrayList<>();
        while (m.find()) {
            layers.add(m.group(1));
        }
        return layers;
    }

    private static List<String> layersIndex(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry("BOOT-INF/layers.idx"))) {
            List<String> layers = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("- \"")) {
                    layers.add(line.substring(3, line.lastIndexOf('"')));
                }
            }
            return layers;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return new TreeSet<>(files.map(p -> dir.relativize(p) + ":" + p.toFile().length()).toList());
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new FailedResponse(url);
        }
    }

    private static String log(Path work) {
        try {
            String text = Files.readString(work.resolve("service.log"));
            return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "(no log)";
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

    /** A connection refused while the service starts. */
    private record FailedResponse(String url) implements HttpResponse<String> {
        public int statusCode() { return 0; }
        public HttpRequest request() { return HttpRequest.newBuilder(URI.create(url)).build(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return URI.create(url); }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
