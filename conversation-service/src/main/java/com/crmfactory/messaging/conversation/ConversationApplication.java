package com.crmfactory.messaging.conversation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** conversation-service: contacts, sessions (status, intent, summary, order context, assignment, queue), message history, session expiry and stats. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConversationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConversationApplication.class, args);
    }
}
