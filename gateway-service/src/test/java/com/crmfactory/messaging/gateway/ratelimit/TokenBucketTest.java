package com.crmfactory.messaging.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForOneToken() {
        TokenBucket bucket = new TokenBucket(new RateLimit(2, 3), 0);
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        TokenBucket.Decision last = bucket.tryTake(0);
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();

        TokenBucket.Decision refused = bucket.tryTake(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitNanos()).isEqualTo(SECOND / 2);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsContinuouslyButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, 5), 0);
        for (int i = 0; i < 5; i++) {
            bucket.tryTake(0);
        }
        assertThat(bucket.tryTake(0).allowed()).isFalse();
        assertThat(bucket.tryTake(SECOND / 10).allowed()).isTrue();
        assertThat(bucket.tryTake(SECOND / 10).allowed()).isFalse();

        TokenBucket.Decision afterIdle = bucket.tryTake(60 * SECOND);
        assertThat(afterIdle.allowed()).isTrue();
        assertThat(afterIdle.remaining()).isEqualTo(4);
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 1), 0);
        bucket.tryTake(0);
        TokenBucket.Decision refused = bucket.tryTake(SECOND / 4);
        assertThat(refused.waitNanos()).isEqualTo(3 * SECOND / 4);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }
}
