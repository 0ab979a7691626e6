package com.crmfactory.messaging.template;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** template-service: message templates (channel, body, variables, Twilio Content SID, approval status), built-in defaults and `TWILIO_TPL_*` overrides. */
@SpringBootApplication
public class TemplateApplication {

    public static void main(String[] args) {
        SpringApplication.run(TemplateApplication.class, args);
    }
}
