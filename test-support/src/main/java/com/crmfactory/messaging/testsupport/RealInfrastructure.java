package com.crmfactory.messaging.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Connects a Spring test context to the JVM's real Kafka broker and to a fresh PostgreSQL database of
 * its own (one per test class), by setting {@code spring.kafka.bootstrap-servers} and
 * {@code spring.datasource.*}. Use it beside {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** Set to false for a service without a database (the webhook ingest service). */
    boolean database() default true;
}
