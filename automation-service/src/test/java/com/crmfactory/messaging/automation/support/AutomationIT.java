package com.crmfactory.messaging.automation.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The whole service on a random port against the real broker and a fresh PostgreSQL database; localhost
 * may be called by http_request (a test HTTP server). The context is closed after the class: test classes
 * share the broker and the consumer group, so only one context at a time may consume.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "automation.http.insecure-hosts=localhost", "automation.wait-poll-interval=200ms",
        "automation.http.retry-backoff=100ms", "automation.http.timeout=2s" })
@RealInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface AutomationIT {
}
