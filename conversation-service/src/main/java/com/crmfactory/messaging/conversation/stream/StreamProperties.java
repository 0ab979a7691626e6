package com.crmfactory.messaging.conversation.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live inbox stream settings ({@code conversation.stream.*}).
 *
 * @param timeout                a connection is closed after this long (EventSource clients reconnect)
 * @param heartbeatInterval      a comment line keeps idle connections (and proxies) alive and finds dead ones
 * @param maxConnectionsPerOrg   open streams per org on one instance; more answer 429
 * @param replayBufferPerOrg     the last events kept per org for clients resuming with {@code Last-Event-ID}
 */
@ConfigurationProperties("conversation.stream")
public record StreamProperties(@DefaultValue("30m") Duration timeout, @DefaultValue("20s") Duration heartbeatInterval,
        @DefaultValue("200") int maxConnectionsPerOrg, @DefaultValue("1000") int replayBufferPerOrg) {
}
