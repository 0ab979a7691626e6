package com.crmfactory.messaging.support.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the plumbing, for the integration tests. */
@SpringBootApplication
public class SupportTestApplication {

    static final String TOPIC = "support-it.events";
    /** Read by a batch listener ({@link BatchEffectListener}). */
    static final String BATCHED_TOPIC = "support-it.batched";
}
