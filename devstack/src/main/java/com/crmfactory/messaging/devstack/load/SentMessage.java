package com.crmfactory.messaging.devstack.load;

/**
 * One customer message of a load run: a fresh customer per message, so that its first reply at the simulator is
 * the answer to exactly this message.
 */
final class SentMessage {

    final String customer;
    volatile long sentAtMillis;
    volatile long sentAtNanos;
    volatile int status;       // the webhook's HTTP status, 0 until answered, -1 on an I/O error
    volatile long ackMillis = -1;
    volatile long repliedAtMillis = -1;

    SentMessage(String customer) {
        this.customer = customer;
    }

    void start() {
        sentAtMillis = System.currentTimeMillis();
        sentAtNanos = System.nanoTime();
    }

    boolean acknowledged() {
        return status >= 200 && status < 300;
    }

    boolean answered() {
        return repliedAtMillis >= 0;
    }

    long replyLatencyMillis() {
        return repliedAtMillis - sentAtMillis;
    }
}
