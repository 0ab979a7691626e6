package com.crmfactory.messaging.devstack.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh customer numbers: one random US area code per run (201–799, so never toll-free 8xx) and a counter, so that
 * runs against the same stack rarely meet an earlier run's customer (who would have a session already).
 */
final class CustomerNumbers {

    private final int areaCode = ThreadLocalRandom.current().nextInt(201, 800);
    private final AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 1_000_000));

    String next() {
        // the subscriber part starts with 2–9, as a North American number's exchange does
        return String.format("+1%03d%07d", areaCode, 2_000_000 + next.getAndIncrement() % 8_000_000);
    }
}
