package com.crmfactory.messaging.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crmfactory.messaging.systemtests.check.Stack;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * The system suite's stack inside {@code ./mvnw verify}: gateway, ingest, conversation, AI agent, outbound and the
 * Twilio simulator as processes from their jars (production's ECS logs), on the harness's broker and PostgreSQL.
 * The broker lives in the test JVM, so only services can be killed here; {@code ./omni check} kills the broker too.
 */
public final class LocalStack implements Stack, AutoCloseable {

    /** the per-sender rate limit of outbound here: fast enough for the CI subset's answers not to queue for minutes */
    private static final int SENDER_MPS = 20;

    private final String apiKey = "omk_sys_" + UUID.randomUUID().toString().replace("-", "");
    private final String adminApiKey = "sys-admin-" + UUID.randomUUID();
    /** by name; a restart (on another thread, beside the load) replaces an entry */
    private final Map<String, ServiceProcess> processes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** the processes die with this JVM even when it is stopped before {@link #close} (Ctrl-C, a killed fork) */
    private final Thread reaper = new Thread(this::killAll, "local-stack-reaper");
    private final String conversationJdbcUrl;
    private final Infrastructure infrastructure = Infrastructure.get();

    public LocalStack() throws Exception {
        Runtime.getRuntime().addShutdownHook(reaper);
        StackEnvironment stack = new StackEnvironment();
        Map<String, String> conversationEnv = ecs(stack.withDatabase("sys_conversation"));
        conversationJdbcUrl = conversationEnv.get("SPRING_DATASOURCE_URL");
        ServiceProcess conversation = put(ServiceProcess.start("conversation-service", conversationEnv));
        ServiceProcess ingest = put(ServiceProcess.start("webhook-ingest-service", ecs(stack.common())));
        put(ServiceProcess.start("ai-agent-service", ecs(stack.withDatabase("sys_agent"))));
        Map<String, String> gatewayEnv = ecs(stack.withDatabase("sys_gateway"));
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", apiKey);
        gatewayEnv.put("PLATFORM_ADMIN_API_KEY", adminApiKey);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        ServiceProcess gateway = put(ServiceProcess.start("gateway-service", gatewayEnv));
        ServiceProcess simulator = put(ServiceProcess.startDevstackMain("twilio-simulator",
                "com.crmfactory.messaging.devstack.twilio.TwilioSimulator",
                Map.of("PLATFORM_TWILIO_ACCOUNT_SID", StackEnvironment.ACCOUNT_SID, "PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN,
                        "SIMULATOR_INGEST_URL", gateway.url(), "SIMULATOR_CALLBACK_STEP_MS", "200"), "/health"));
        Map<String, String> outboundEnv = ecs(stack.withDatabase("sys_outbound"));
        outboundEnv.put("PLATFORM_TWILIO_API_BASE_URL", simulator.url());
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_CALLBACK_BASE_URL", gateway.url());
        outboundEnv.put("PLATFORM_OUTBOUND_RATELIMITS_LONGCODE", String.valueOf(SENDER_MPS));
        // a status callback refused while ingest was killed is fetched from the simulator within the settle time
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_POLL_AFTER", "3s");
        outboundEnv.put("PLATFORM_OUTBOUND_STATUS_POLL_INTERVAL", "1s");
        put(ServiceProcess.start("outbound-messaging-service", outboundEnv));
        for (ServiceProcess process : processes.values()) {
            process.awaitReady(Duration.ofSeconds(420));
        }
    }

    private ServiceProcess put(ServiceProcess process) {
        processes.put(process.log().getFileName().toString().replace(".log", ""), process);
        return process;
    }

    private static Map<String, String> ecs(Map<String, String> environment) {
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        return environment;
    }

    private ServiceProcess process(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name + " in this stack (the broker runs in the test JVM)");
        }
        return process;
    }

    @Override
    public String gatewayUrl() {
        return process("gateway-service").url();
    }

    @Override
    public String simulatorUrl() {
        return process("twilio-simulator").url();
    }

    @Override
    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    @Override
    public String conversationJdbcUrl() {
        return conversationJdbcUrl;
    }

    @Override
    public String databaseUser() {
        return infrastructure.postgres().username();
    }

    @Override
    public String databasePassword() {
        return infrastructure.postgres().password();
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public String adminApiKey() {
        return adminApiKey;
    }

    @Override
    public String twilioAuthToken() {
        return TwilioFixtures.AUTH_TOKEN;
    }

    @Override
    public String twilioAccountSid() {
        return StackEnvironment.ACCOUNT_SID;
    }

    @Override
    public String businessNumber() {
        return TwilioFixtures.BUSINESS_NUMBER;
    }

    @Override
    public List<Path> serviceLogs() {
        return List.copyOf(processes.entrySet()).stream().filter(e -> !e.getKey().equals("twilio-simulator")).map(e -> e.getValue().log()).toList();
    }

    @Override
    public void kill(String name) throws Exception {
        process(name).kill();
    }

    @Override
    public void restart(String name) throws Exception {
        ServiceProcess again = process(name).restart();
        processes.put(name, again);
        again.awaitReady(Duration.ofSeconds(420));
    }

    @Override
    public void pause(String name) throws Exception {
        signal("STOP", process(name).pid());
    }

    @Override
    public void resume(String name) throws Exception {
        signal("CONT", process(name).pid());
    }

    private static void signal(String signal, long pid) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " exited " + exit);
        }
    }

    @Override
    public int senderMessagesPerSecond() {
        return SENDER_MPS;
    }

    @Override
    public boolean brokerIsProcess() {
        return false;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess process : List.copyOf(processes.values())) {
            process.close();
        }
        Runtime.getRuntime().removeShutdownHook(reaper);
    }

    private void killAll() {
        for (ServiceProcess process : List.copyOf(processes.values())) {
            try {
                process.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
