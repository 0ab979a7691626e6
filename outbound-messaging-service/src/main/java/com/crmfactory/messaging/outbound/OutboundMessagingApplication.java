package com.crmfactory.messaging.outbound;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** outbound-messaging-service: sending through Twilio (SMS, MMS, WhatsApp text/media/templates/interactive) and e-mail. */
@SpringBootApplication
@EnableScheduling
public class OutboundMessagingApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutboundMessagingApplication.class, args);
    }
}
