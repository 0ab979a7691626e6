package com.crmfactory.messaging.systemtests.check;

import java.nio.file.Path;
import java.util.List;

/**
 * The running product a scenario works on: its addresses, secrets and processes. Two kinds: the processes a
 * failsafe IT starts from the jars ({@code LocalStack}), and a {@code ./omni up} stack ({@link OmniStack}).
 */
public interface Stack {

    /** Platform services a scenario may kill and restart. */
    List<String> SERVICES = List.of("conversation-service", "ai-agent-service", "outbound-messaging-service",
            "webhook-ingest-service");

    String gatewayUrl();

    /** The devstack's Twilio simulator (its {@code /sim/...} API). */
    String simulatorUrl();

    String kafkaBootstrapServers();

    /** JDBC URL of conversation-service's database, and the credentials. */
    String conversationJdbcUrl();

    String databaseUser();

    String databasePassword();

    /** The org's API key (Bearer) on the gateway. */
    String apiKey();

    /** The platform admin's key (creates orgs and their keys: the cross-tenant scenario's second org). */
    String adminApiKey();

    /** The Twilio auth token webhooks are signed with, and the org's SMS number they are sent to. */
    String twilioAuthToken();

    String twilioAccountSid();

    String businessNumber();

    /** The log files of the platform's services (not the simulator's: it plays Twilio). */
    List<Path> serviceLogs();

    /** {@code kill -9} of one process (a service of {@link #SERVICES}, or "kafka"). */
    void kill(String process) throws Exception;

    /** Starts a killed process again and waits until it is ready. */
    void restart(String process) throws Exception;

    /** SIGSTOP / SIGCONT of one process. */
    void pause(String process) throws Exception;

    void resume(String process) throws Exception;

    /** The outbound per-sender rate (messages per second) of the business number: answers queue behind it. */
    int senderMessagesPerSecond();

    /** Whether the broker is a process of its own that {@link #kill} and {@link #pause} may stop. */
    boolean brokerIsProcess();
}
