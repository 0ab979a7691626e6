package com.crmfactory.messaging.devstack.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.crmfactory.messaging.devstack.Args;

/**
 * The pipeline benchmark: open-loop signed webhooks (a new customer each) at each rate given, against a running
 * stack (the gateway, the Twilio simulator and the broker of {@code ./omni up}); reports, per rate, webhook
 * acknowledgement and webhook → AI reply POSTed to the simulator p50/p90/p99, consumer lag, CPU-seconds per 1,000
 * messages, allocation per message and memory per process, and the knee: the highest rate whose backlog did not
 * grow. {@code ./omni load} runs it with the stack's addresses and processes.
 *
 * <pre>java -cp … PipelineLoad --rates 10,20,50 --seconds 60 [--drain 60] [--warmup 20] [--body text]
 *     [--gateway http://localhost:8080] [--simulator http://localhost:8090] [--kafka localhost:9092]
 *     [--processes name:pid:managementPort,…] [--report-dir dir] [--label "jvm flags …"]
 *     [--postgres jdbc:postgresql://localhost:15432/postgres] [--postgres-user postgres]</pre>
 * With {@code --postgres} (password in {@code OMNI_POSTGRES_PASSWORD}) the report adds PostgreSQL's commits and
 * statements per message.
 */
public final class PipelineLoad {

    private PipelineLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String gateway = args.get("gateway", "http://localhost:8080");
        String token = args.get("token", System.getenv().getOrDefault("PLATFORM_TWILIO_AUTH_TOKEN", ""));
        if (token.isBlank()) {
            throw new IllegalArgumentException("missing --token or PLATFORM_TWILIO_AUTH_TOKEN (the webhooks are signed with it)");
        }
        List<Integer> rates = Arrays.stream(args.get("rates", "10,20").split(",")).map(String::trim).map(Integer::parseInt).toList();
        int seconds = args.getInt("seconds", 60);
        List<ProcessMeter.Watched> processes = new ArrayList<>();
        for (String spec : args.get("processes", "").split(",")) {
            if (!spec.isBlank()) {
                processes.add(ProcessMeter.Watched.parse(spec.trim()));
            }
        }
        OpenLoopSender sender = new OpenLoopSender(gateway + "/api/v1/webhooks/telephony/sms", token,
                args.get("body", "how much is BRG-6204-2RS?"), new CustomerNumbers());
        LoadReport report = new LoadReport(String.join(" ", argv), args.get("label", ""), seconds);
        try (ReplyWatch replies = new ReplyWatch(args.get("simulator", "http://localhost:8090"));
                LagSampler lag = new LagSampler(args.get("kafka", "localhost:9092"))) {
            String postgres = args.get("postgres", null);
            DatabaseMeter database = postgres == null ? null : DatabaseMeter.connect(postgres,
                    args.get("postgres-user", "postgres"), System.getenv().getOrDefault("OMNI_POSTGRES_PASSWORD", "postgres"));
            LoadStep step = new LoadStep(sender, replies, lag, new ProcessMeter(processes), database,
                    args.getInt("drain", 60));
            int warmup = args.getInt("warmup", 20);
            if (warmup > 0) {
                System.out.printf("warm-up: %d msg/s for %d s (not reported)%n", rates.get(0), warmup);
                step.run(rates.get(0), warmup);
            }
            for (int rate : rates) {
                System.out.printf("rate %d msg/s for %d s …%n", rate, seconds);
                StepResult result = step.run(rate, seconds);
                report.add(result);
                System.out.println(LoadReport.line(result));
                Thread.sleep(5_000); // let the stack settle between rates
            }
        }
        Path dir = Path.of(args.get("report-dir", "target"));
        report.write(dir);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("written: " + dir.resolve("load-report.md") + " and " + dir.resolve("load-report.json"));
    }
}
