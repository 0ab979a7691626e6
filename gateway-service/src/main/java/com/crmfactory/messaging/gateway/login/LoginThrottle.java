package com.crmfactory.messaging.gateway.login;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins counted per account (e-mail) and per client address, in this replica's memory: after
 * {@code maxFailuresPerAccount} (or {@code maxFailuresPerAddress}) failures within {@code window} further
 * attempts are refused (429) until the window since the last failure has passed. A success clears the
 * account's count.
 */
@Component
public class LoginThrottle {

    private final Settings settings;
    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(Settings settings) {
        this.settings = settings;
        this.failures = Caffeine.newBuilder().expireAfterWrite(settings.window()).maximumSize(100_000).build();
    }

    public boolean blocked(String email, String address) {
        return count(accountKey(email)) >= settings.maxFailuresPerAccount()
                || count(addressKey(address)) >= settings.maxFailuresPerAddress();
    }

    public void failed(String email, String address) {
        increment(accountKey(email));
        increment(addressKey(address));
    }

    public void succeeded(String email) {
        failures.invalidate(accountKey(email));
    }

    public long retryAfterSeconds() {
        return settings.window().toSeconds();
    }

    private int count(String key) {
        AtomicInteger count = failures.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private void increment(String key) {
        // re-put so that the window runs from the last failure
        failures.asMap().compute(key, (k, count) -> {
            AtomicInteger next = count == null ? new AtomicInteger() : count;
            next.incrementAndGet();
            return next;
        });
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /**
     * {@code platform.gateway.login.*}.
     *
     * @param maxFailuresPerAccount failures of one e-mail before it is throttled
     * @param maxFailuresPerAddress failures from one client address (any e-mail) before it is throttled
     * @param window                how long failures are remembered (since the last one)
     */
    @ConfigurationProperties("platform.gateway.login")
    public record Settings(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window) {
    }
}
